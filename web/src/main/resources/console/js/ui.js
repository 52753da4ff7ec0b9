// Small DOM and formatting helpers. Text always goes in through textContent (never innerHTML), so data from the
// server cannot inject markup.

/**
 * Creates an element: el('a', {href: '/', class: 'x', onclick: fn}, 'text', child, [more children]).
 * Attributes with value null, undefined or false are left out; true sets an empty attribute.
 */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) {
      continue;
    }
    if (k.startsWith('on') && typeof v === 'function') {
      e.addEventListener(k.slice(2), v);
    } else if (k === 'dataset') {
      Object.assign(e.dataset, v);
    } else {
      e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(e, children);
  return e;
}

/** Replaces a node's children; like el(), skips null, undefined and false and flattens arrays. */
export function setChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

function append(parent, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) {
      continue;
    }
    if (Array.isArray(c)) {
      append(parent, c);
    } else {
      parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
}

/** A query parameter of the page's URL, or null. */
export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

/** Calls fn at most once per `ms` (trailing call included): for bursts of live events. */
export function throttle(fn, ms) {
  let timer = null;
  let pending = false;
  return () => {
    if (timer) {
      pending = true;
      return;
    }
    fn();
    timer = setTimeout(function tick() {
      if (pending) {
        pending = false;
        fn();
        timer = setTimeout(tick, ms);
      } else {
        timer = null;
      }
    }, ms);
  };
}

const DASH = '–';

/** Number formatting for display only (exact decimals stay strings everywhere else). */
export const fmt = {
  num(v, digits = 2) {
    if (v === null || v === undefined || v === '') {
      return DASH;
    }
    const n = Number(v);
    return Number.isFinite(n)
      ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : String(v);
  },
  int(v) {
    return v === null || v === undefined ? DASH : Number(v).toLocaleString('en-US');
  },
  /** A fraction as a percentage: 0.1234 -> "12.34 %". */
  pct(v, digits = 2) {
    return v === null || v === undefined ? 'n/a' : (Number(v) * 100).toFixed(digits) + ' %';
  },
  /** An ISO-8601 UTC time as "2023-03-01 01:09:00 UTC" (no fraction of a second). */
  time(iso) {
    if (!iso) {
      return DASH;
    }
    return String(iso).replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
  },
  bytes(n) {
    if (n === null || n === undefined) {
      return DASH;
    }
    const units = ['B', 'KiB', 'MiB', 'GiB'];
    let v = Number(n);
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return (i === 0 ? v : v.toFixed(1)) + ' ' + units[i];
  },
  /** A duration given as seconds (number) or ISO-8601 (PT…H…M…S) as hours or days. */
  duration(v) {
    let seconds = null;
    if (typeof v === 'number') {
      seconds = v;
    } else if (typeof v === 'string') {
      const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(v);
      if (m) {
        seconds = Number(m[1] || 0) * 86400 + Number(m[2] || 0) * 3600 + Number(m[3] || 0) * 60 + Number(m[4] || 0);
      }
    }
    if (seconds === null) {
      return v === null || v === undefined ? 'n/a' : String(v);
    }
    const hours = seconds / 3600;
    return hours >= 48 ? (hours / 24).toFixed(1) + ' days' : hours.toFixed(1) + ' hours';
  },
};

/** 'pos' or 'neg' for colouring a signed number, '' for zero or none. */
export function sign(v) {
  const n = Number(v);
  return !Number.isFinite(n) || n === 0 ? '' : n > 0 ? 'pos' : 'neg';
}

/** A status badge, e.g. RUNNING, COMPLETED, FAILED. */
export function badge(status) {
  return el('span', { class: 'badge ' + String(status).toLowerCase() }, status);
}

/** A progress bar with its text: "12,000 / 30,240 bars (40 %)". */
export function progress(done, total) {
  const pct = total > 0 ? Math.floor(done * 100 / total) : 0;
  return el('div', { class: 'progress' },
    el('progress', { max: Math.max(total, 1), value: done, 'aria-label': `${pct} % done` }),
    el('span', { class: 'progress-text' }, `${fmt.int(done)} / ${fmt.int(total)} (${pct} %)`));
}

/** Replaces a table body's rows; shows `emptyText` in one cell when there are none. */
export function fillBody(tbody, rows, columns, emptyText) {
  if (rows.length === 0) {
    tbody.replaceChildren(el('tr', {}, el('td', { colspan: columns, class: 'empty' }, emptyText)));
  } else {
    tbody.replaceChildren(...rows);
  }
}

/** A parameter schema as a definition table: name, type, default, allowed values, unit, description. */
export function schemaTable(parameters) {
  if (!parameters || parameters.length === 0) {
    return el('p', { class: 'muted' }, 'No parameters.');
  }
  return el('table', { class: 'schema' },
    el('thead', {}, el('tr', {}, ['Parameter', 'Type', 'Default', 'Allowed', 'Unit', 'Description']
      .map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, parameters.map(p => el('tr', {},
      el('td', { class: 'mono' }, p.name),
      el('td', {}, p.type.toLowerCase()),
      el('td', { class: 'mono' }, p.defaultValue === null ? 'required' : p.defaultValue),
      el('td', {}, allowed(p)),
      el('td', {}, p.unit || ''),
      el('td', {}, p.description)))));
}

/** The allowed values of a parameter, as the server words them: "integer 2 .. 500" or "one of a, b". */
export function allowed(p) {
  switch (p.type) {
    case 'INTEGER':
    case 'DECIMAL':
      if (p.min === null && p.max === null) {
        return 'any ' + p.type.toLowerCase();
      }
      return `${p.min === null ? '−∞' : p.min} .. ${p.max === null ? '+∞' : p.max}`;
    case 'BOOLEAN':
      return 'true or false';
    case 'CHOICE':
      return 'one of ' + p.choices.join(', ');
    default:
      return 'any text';
  }
}
