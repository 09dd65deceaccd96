/** Names shared by the hosted build and the portable writer. */

/** The zip of the portable copy, at the root of the hosted site (`kb build --zip`). */
export const OFFLINE_ZIP = 'offline.zip';

/** Set by `kb build --zip` so the footer links the zip. */
export const OFFLINE_ZIP_ENV = 'KB_OFFLINE_ZIP';
