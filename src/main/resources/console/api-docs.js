/* The page of the API's description (/api/v1/docs): lists every operation of /api/v1/openapi.json. */
(function () {
  'use strict';
  var SOURCE = '/api/v1/openapi.json';
  var STATUS = { '200': '成功', '400': '输入有误', '401': '未认证', '403': '无权限', '404': '不存在', '413': '超出大小限制', '422': '规则中止', '500': '服务器内部错误' };
  var doc = null;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); } }); }
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }

  function deref(node) {
    var seen = 0;
    while (node && node.$ref && seen++ < 20) {
      var parts = node.$ref.replace(/^#\//, '').split('/');
      var target = doc;
      parts.forEach(function (p) { target = target ? target[p.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined; });
      node = target;
    }
    return node;
  }

  function refName(node) { return node && node.$ref ? node.$ref.split('/').pop() : null; }

  // A schema as readable JSON: named schemas are expanded once per path, then shown by name.
  function sketch(schema, trail) {
    trail = trail || [];
    var name = refName(schema);
    if (name && trail.indexOf(name) >= 0) { return '<' + name + '>'; }
    if (name) { trail = trail.concat([name]); }
    var s = deref(schema) || {};
    if (s.oneOf || s.anyOf) {
      return { oneOf: (s.oneOf || s.anyOf).map(function (x) { return sketch(x, trail); }) };
    }
    if (s.allOf) {
      var merged = {};
      s.allOf.forEach(function (x) { var v = sketch(x, trail); if (v && typeof v === 'object' && !Array.isArray(v)) { Object.keys(v).forEach(function (k) { merged[k] = v[k]; }); } });
      return merged;
    }
    if (s.type === 'array') { return [sketch(s.items, trail)]; }
    if (s.type === 'object' || s.properties) {
      var out = {};
      var req = s.required || [];
      Object.keys(s.properties || {}).forEach(function (k) { out[k + (req.indexOf(k) >= 0 ? '' : '?')] = sketch(s.properties[k], trail); });
      if (s.additionalProperties) {
        out['…'] = s.additionalProperties === true ? 'any' : sketch(s.additionalProperties, trail);
      }
      return out;
    }
    if (!s.type) { return s.description ? 'any: ' + s.description : 'any'; }
    var t = s.type + (s.format ? ' (' + s.format + ')' : '');
    if (s.enum) { t += ' ' + s.enum.join(' | '); }
    if (s.pattern) { t += ' /' + s.pattern + '/'; }
    if (s.nullable) { t += ' | null'; }
    if (s.description) { t += ' — ' + s.description; }
    return t;
  }

  function schemaBlock(content) {
    var frag = document.createDocumentFragment();
    Object.keys(content || {}).forEach(function (type) {
      var media = content[type];
      var name = refName(media.schema) || (media.schema && media.schema.items && refName(media.schema.items) ? refName(media.schema.items) + '[]' : '');
      frag.appendChild(el('div', null, [el('code', { text: type }), name ? ' · ' + name : '']));
      if (media.schema) { frag.appendChild(el('pre', { text: JSON.stringify(sketch(media.schema), null, 2) })); }
    });
    return frag;
  }

  function security(op) {
    var sec = op.security !== undefined ? op.security : (doc.security || []);
    if (!sec.length) { return '无需认证'; }
    return sec.map(function (r) { return Object.keys(r).join('+'); }).join(' 或 ');
  }

  function operation(path, method, op, shared) {
    var body = el('div', { class: 'body' });
    if (op.description) { body.appendChild(el('p', { text: op.description })); }
    body.appendChild(el('p', { class: 'lock', text: '认证：' + security(op) + (op.operationId ? ' · operationId ' + op.operationId : '') }));
    var params = (shared || []).concat(op.parameters || []).map(deref);
    if (params.length) {
      body.appendChild(el('h3', { text: '参数' }));
      var t = el('table', null, [el('tr', null, [el('th', { text: '名称' }), el('th', { text: '位置' }), el('th', { text: '必填' }), el('th', { text: '类型' }), el('th', { text: '说明' })])]);
      params.forEach(function (p) {
        var sk = sketch(p.schema);
        t.appendChild(el('tr', null, [el('td', null, [el('code', { text: p.name })]), el('td', { text: p.in }), el('td', { text: p.required ? '是' : '否' }),
          el('td', { text: typeof sk === 'string' ? sk : JSON.stringify(sk) }), el('td', { text: p.description || '' })]));
      });
      body.appendChild(t);
    }
    if (op.requestBody) {
      var rb = deref(op.requestBody);
      body.appendChild(el('h3', { text: '请求体' + (rb.required ? '（必填）' : '（可选）') }));
      if (rb.description) { body.appendChild(el('p', { text: rb.description })); }
      body.appendChild(schemaBlock(rb.content));
    }
    body.appendChild(el('h3', { text: '应答' }));
    Object.keys(op.responses || {}).sort().forEach(function (code) {
      var r = deref(op.responses[code]);
      var head = el('div', null, [el('span', { class: 'code' + (code >= '400' ? ' err' : ''), text: code }), ' ' + (STATUS[code] && (r.description || '').indexOf(STATUS[code]) < 0 ? STATUS[code] + ' · ' : '') + (r.description || '')]);
      body.appendChild(head);
      if (code < '400') { body.appendChild(schemaBlock(r.content)); }
    });
    var errorNames = Object.keys(op.responses || {}).filter(function (c) { return c >= '400'; });
    if (errorNames.length) {
      var first = deref(op.responses[errorNames[0]]);
      body.appendChild(el('p', { class: 'lock', text: '错误应答均为：' }));
      body.appendChild(schemaBlock(first.content));
    }
    var summary = el('summary', null, [el('span', { class: 'method ' + method, text: method.toUpperCase() }), el('span', { class: 'path', text: path }),
      el('span', { class: 'summary', text: op.summary || '' })]);
    var d = el('details', { class: 'op', 'data-search': (method + ' ' + path + ' ' + (op.summary || '') + ' ' + (op.description || '')).toLowerCase() }, [summary, body]);
    return d;
  }

  function render() {
    var info = doc.info || {};
    var infoEl = document.getElementById('info');
    infoEl.textContent = '';
    infoEl.appendChild(document.createTextNode((info.title || '') + ' · 版本 ' + (info.version || '') + ' · OpenAPI ' + doc.openapi + ' · '));
    infoEl.appendChild(el('a', { href: SOURCE, text: 'openapi.json' }));
    if (info.description) { infoEl.appendChild(el('div', { text: info.description })); }
    var groups = {};
    var order = [];
    var methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
    Object.keys(doc.paths || {}).forEach(function (path) {
      var item = doc.paths[path];
      methods.forEach(function (m) {
        if (!item[m]) { return; }
        var tag = (item[m].tags && item[m].tags[0]) || '其他';
        if (!groups[tag]) { groups[tag] = []; order.push(tag); }
        groups[tag].push(operation(path, m, item[m], item.parameters));
      });
    });
    (doc.tags || []).map(function (t) { return t.name; }).reverse().forEach(function (t) {
      var i = order.indexOf(t); if (i > 0) { order.splice(i, 1); order.unshift(t); }
    });
    var ops = document.getElementById('ops');
    var toc = document.getElementById('toc');
    var count = 0;
    order.forEach(function (tag, i) {
      var id = 'g' + i;
      toc.appendChild(el('a', { href: '#' + id, text: tag + '（' + groups[tag].length + '）' }));
      var section = el('section', { id: id }, [el('h2', { text: tag })]);
      groups[tag].forEach(function (d) { section.appendChild(d); count++; });
      ops.appendChild(section);
    });
    toc.appendChild(el('span', { class: 'lock', text: '共 ' + count + ' 个接口' }));
    document.getElementById('filter').addEventListener('input', function (e) {
      var q = e.target.value.trim().toLowerCase();
      document.querySelectorAll('details.op').forEach(function (d) {
        d.style.display = !q || d.getAttribute('data-search').indexOf(q) >= 0 ? '' : 'none';
      });
      document.querySelectorAll('main section').forEach(function (s) {
        var shown = Array.prototype.some.call(s.querySelectorAll('details.op'), function (d) { return d.style.display !== 'none'; });
        s.style.display = shown ? '' : 'none';
      });
    });
  }

  fetch(SOURCE, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.json();
    })
    .then(function (d) { doc = d; render(); })
    .catch(function (e) {
      var info = document.getElementById('info');
      info.className = 'meta err';
      info.textContent = '无法读取 ' + SOURCE + '：' + e.message;
    });
})();
