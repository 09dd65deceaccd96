/*
 * Dossier's portable search loader, prepended to Pagefind's UI script in the portable copy.
 *
 * Opened from file://, a page has an opaque origin: Chromium refuses module scripts,
 * dynamic import(), Workers and fetch() of other files (Pagefind issues #202 and #241).
 * Classic <script src> still loads. So the portable writer packs Pagefind's own code as a
 * classic script (portable/pagefind.js, which calls `define`) and every index file as a
 * classic script that hands its bytes, base64, to `put`. This loader gives Pagefind's UI
 * the module it would have imported, and Pagefind a `fetch` that answers from those
 * scripts. Result links become relative file paths ending in index.html.
 */
(function () {
  'use strict';
  if (window.DossierPortable) return;
  /** Pending and loaded files, by path inside the bundle ("fragment/en_1.pf_fragment"). */
  var files = new Map();
  var factory = null;
  var factoryWaiters = [];

  /** Inserts a classic script once; resolves when it has run. */
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = src;
      script.onload = function () {
        script.remove();
        resolve();
      };
      script.onerror = function () {
        script.remove();
        reject(new Error('could not load ' + src));
      };
      document.head.appendChild(script);
    });
  }

  function entry(key) {
    var found = files.get(key);
    if (!found) {
      found = {};
      found.promise = new Promise(function (resolve, reject) {
        found.resolve = resolve;
        found.reject = reject;
      });
      files.set(key, found);
    }
    return found;
  }

  function decode(base64) {
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /** Relative href from this page to an absolute file URL (same folder tree). */
  function relativeHref(target) {
    var from = location.href.split(/[?#]/)[0].split('/').slice(0, -1);
    var to = target.split('/');
    var i = 0;
    while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
    var ups = from.length - i;
    return (ups ? '../'.repeat(ups) : './') + to.slice(i).join('/');
  }

  function createModule(bundlePath) {
    var bundle = new URL(bundlePath, location.href).href;
    // pagefind/ sits at the root of the site.
    var root = new URL('../', bundle).href;
    var baseUrl = '/';

    function fetchFromScripts(input) {
      var url = new URL(String(input), location.href);
      var key = url.href.split(/[?#]/)[0].slice(bundle.length);
      var found = entry(key);
      if (!found.started) {
        found.started = true;
        loadScript(bundle + 'portable/' + key + '.js').catch(found.reject);
      }
      return found.promise.then(function (bytes) {
        return new Response(bytes, { status: 200 });
      });
    }

    /** Pagefind's URL (base + page path) → this copy's file, relative to the page. */
    function localUrl(url) {
      if (typeof url !== 'string' || url.indexOf(baseUrl) !== 0) return url;
      var rest = url.slice(baseUrl.length).replace(/^\/+/, '');
      var match = /^([^?#]*)(.*)$/.exec(rest);
      var path = match[1];
      if (path === '' || path.slice(-1) === '/') path += 'index.html';
      return relativeHref(root + path) + match[2];
    }

    function withLocalUrls(data) {
      if (!data) return data;
      data.url = localUrl(data.url);
      if (data.sub_results)
        data.sub_results.forEach(function (sub) {
          sub.url = localUrl(sub.url);
        });
      return data;
    }

    function wrapResults(response) {
      if (response && response.results)
        response.results.forEach(function (result) {
          var data = result.data;
          result.data = function () {
            return Promise.resolve(data.apply(this, arguments)).then(withLocalUrls);
          };
        });
      return response;
    }

    var pagefind = factory(fetchFromScripts);
    return Object.assign({}, pagefind, {
      options: function (options) {
        if (options && typeof options.baseUrl === 'string') baseUrl = options.baseUrl;
        return pagefind.options(Object.assign({}, options, { basePath: bundle }));
      },
      search: function () {
        return pagefind.search.apply(null, arguments).then(wrapResults);
      },
      debouncedSearch: function () {
        return pagefind.debouncedSearch.apply(null, arguments).then(wrapResults);
      },
    });
  }

  var modules = new Map();
  window.DossierPortable = {
    /** Called by each packed index file. */
    put: function (key, base64) {
      entry(key).resolve(decode(base64));
    },
    /** Called by portable/pagefind.js with Pagefind's code, wrapped. */
    define: function (pagefindFactory) {
      factory = pagefindFactory;
      factoryWaiters.splice(0).forEach(function (resolve) {
        resolve();
      });
    },
    /** Stands in for `import(bundlePath + "pagefind.js")` in Pagefind's UI. */
    pagefind: function (bundlePath) {
      if (!modules.has(bundlePath)) {
        var ready = factory
          ? Promise.resolve()
          : new Promise(function (resolve) {
              factoryWaiters.push(resolve);
              loadScript(new URL(bundlePath + 'portable/pagefind.js', location.href).href);
            });
        modules.set(
          bundlePath,
          ready.then(function () {
            return createModule(bundlePath);
          }),
        );
      }
      return modules.get(bundlePath);
    },
  };
})();
