// Form fields generated from a parameter schema (GET /api/extensions: name, type, defaultValue, min, max, choices,
// unit, description), and the display of the server's validation errors next to the field they name.
// Every value is sent as text: the server parses and checks it against the same schema and answers
// {field: 'parameters.slow', message: 'parameter 'slow' = 1 is out of range: allowed integer 2 .. 500 (bars)'}.
import { el, allowed } from './ui.js';

let counter = 0;

/**
 * One labelled field: label, control, help line and an error line the control is described by.
 * `control` is an <input>, <select> or <textarea> without id; returns {box, input, error}.
 */
export function field(label, control, help, { unit, inline } = {}) {
  const id = 'f' + (++counter);
  control.id = id;
  const helpId = id + '-help';
  const errorId = id + '-error';
  control.setAttribute('aria-describedby', (help ? helpId + ' ' : '') + errorId);
  const error = el('p', { class: 'field-error', id: errorId, hidden: true });
  const labelEl = el('label', { for: id }, label, unit ? el('span', { class: 'unit' }, ' (' + unit + ')') : null);
  const box = inline
    ? el('div', { class: 'field check' }, control, labelEl, help ? el('p', { class: 'help', id: helpId }, help) : null,
      error)
    : el('div', { class: 'field' }, labelEl, control, help ? el('p', { class: 'help', id: helpId }, help) : null,
      error);
  return { box, input: control, error };
}

/** A field for one parameter spec, filled with its default. */
export function paramField(spec) {
  let control;
  let read;
  const required = spec.defaultValue === null;
  switch (spec.type) {
    case 'BOOLEAN':
      control = el('input', { type: 'checkbox', name: spec.name, checked: spec.defaultValue === 'true' });
      read = () => (control.checked ? 'true' : 'false');
      break;
    case 'CHOICE':
      control = el('select', { name: spec.name }, spec.choices.map(c => el('option', {
        value: c, selected: c === spec.defaultValue }, c)));
      read = () => control.value;
      break;
    default:
      control = el('input', {
        type: 'text', name: spec.name, value: spec.defaultValue ?? '', required,
        inputmode: spec.type === 'INTEGER' ? 'numeric' : spec.type === 'DECIMAL' ? 'decimal' : null,
        autocomplete: 'off', spellcheck: 'false', class: spec.type === 'STRING' ? null : 'num',
      });
      read = () => control.value.trim();
  }
  const help = spec.description + ' · ' + allowed(spec)
    + (required ? ' · required' : spec.type === 'BOOLEAN' ? '' : ' · default ' + spec.defaultValue);
  const f = field(spec.name, control, help, { unit: spec.unit, inline: spec.type === 'BOOLEAN' });
  f.read = read;
  f.spec = spec;
  return f;
}

/** A group of parameter fields; values() gives {name: text} without empty ones (the server then uses defaults). */
export function paramGroup(parameters) {
  const fields = parameters.map(paramField);
  return {
    fields,
    box: el('div', { class: 'grid' }, fields.map(f => f.box)),
    values() {
      const out = {};
      for (const f of fields) {
        const v = f.read();
        if (v !== '') {
          out[f.spec.name] = v;
        }
      }
      return out;
    },
  };
}

/**
 * Shows an API error on a form: next to the field its `field` names (looked up in `fields`, a Map from the
 * server's field name to {input, error}), else in the form's alert box. Returns true when a field took it.
 */
export function showFieldError(formError, fields, e) {
  clearFieldErrors(formError, fields);
  const target = e.field ? fields.get(e.field) : null;
  if (!target) {
    formError.textContent = e.message;
    formError.hidden = false;
    formError.focus();
    return false;
  }
  target.error.textContent = e.message;
  target.error.hidden = false;
  target.input.setAttribute('aria-invalid', 'true');
  for (let p = target.input.parentElement; p; p = p.parentElement) {
    if (p.tagName === 'DETAILS') {
      p.open = true;
    }
  }
  target.input.focus();
  return true;
}

/** Hides every field error and the form's alert box. */
export function clearFieldErrors(formError, fields) {
  formError.hidden = true;
  formError.textContent = '';
  for (const f of fields.values()) {
    f.error.hidden = true;
    f.error.textContent = '';
    f.input.removeAttribute('aria-invalid');
  }
}

/** The form's alert box for errors that name no field. */
export function formErrorBox() {
  return el('div', { class: 'form-error', role: 'alert', tabindex: '-1', hidden: true });
}
