// Forms: the pages' own checks, the API's problems shown where they belong (the message above the form, each
// errors[].field next to its field), one submission at a time, and one Idempotency-Key per submission so that a
// double click or a retry after a lost answer never writes to the ledger twice.
import { t } from './i18n.js';
import { ApiError, newIdempotencyKey } from './api.js';
import './strings.js';

/**
 * Takes over a form's submission.
 *
 *   bindForm(form, {
 *     submit: async ({ values, idempotencyKey }) => api('/api/budget/...', { method: 'POST', body, idempotencyKey }),
 *     done: (answer) => ...,                       // after a success; the form is reset unless keepValues
 *     fieldMessages: { amount: t('amountRule') },  // the page's words for a field the API refused
 *     check: (values) => ({ amount: '...' }),      // the page's own checks before sending; {} when all is well
 *   });
 *
 * The form needs `novalidate` (messages are the page's, in the page's language, not the browser's) and its fields
 * a name and an id, each inside an element of class "field" with its <label for>. Required fields that are empty
 * are caught before sending. The same Idempotency-Key is sent until the form's content changes or a submission
 * succeeds, so a retry of the same submission is answered with the first answer instead of a second write.
 */
export function bindForm(form, { submit, done = () => {}, fieldMessages = {}, check = () => ({}), keepValues = false,
  focusOnError } = {}) {
  let busy = false;
  let idempotencyKey = null;
  const forgetKey = () => {
    idempotencyKey = null;
  };
  form.addEventListener('input', forgetKey);
  form.addEventListener('change', forgetKey);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    clearErrors(form);
    const values = valuesOf(form);
    const problems = { ...requiredMissing(form), ...check(values) };
    if (Object.keys(problems).length > 0) {
      showFieldErrors(form, Object.entries(problems).map(([field, message]) => ({ field, message })));
      showAlert(form, t('common.error.checkFields'));
      focusFirstInvalid(form);
      return;
    }
    idempotencyKey ??= newIdempotencyKey();
    busy = true;
    setBusy(form, true);
    try {
      const answer = await submit({ values, idempotencyKey, form });
      forgetKey();
      if (!keepValues) {
        form.reset();
      }
      await done(answer);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        throw error;
      }
      showProblem(form, error, { fieldMessages });
      if (focusOnError) {
        focusOnError(error);
      } else if (!focusFirstInvalid(form)) {
        form.querySelector('.form-alert')?.focus();
      }
    } finally {
      busy = false;
      setBusy(form, false);
    }
  });
}

/** The form's named values as strings (checkboxes: true/false). Conversion to numbers is the page's. */
export function valuesOf(form) {
  const values = {};
  for (const element of form.elements) {
    if (!element.name || element.disabled) {
      continue;
    }
    values[element.name] = element.type === 'checkbox' ? element.checked : element.value.trim();
  }
  return values;
}

function requiredMissing(form) {
  const missing = {};
  for (const element of form.elements) {
    if (element.required && element.name && !element.disabled && element.value.trim() === '') {
      missing[element.name] = t('common.error.fieldRequired');
    }
  }
  return missing;
}

/**
 * Shows an ApiError on a form: its message (and the server's detail) above the form, each field error next to its
 * field; field errors naming no field of the form are listed with the message.
 */
export function showProblem(form, error, { fieldMessages = {} } = {}) {
  const unplaced = showFieldErrors(form, error.fieldErrors.map(({ field, message }) => ({
    field, message: fieldMessages[field] ?? message,
  })));
  const details = [];
  if (error.detail && error.fieldErrors.length === 0) {
    details.push(error.detail);
  }
  unplaced.forEach(({ field, message }) => details.push(`${field}: ${message}`));
  showAlert(form, error.message, details);
}

/** Marks fields invalid with their messages; returns the errors whose field is not in the form. */
export function showFieldErrors(form, errors) {
  const unplaced = [];
  for (const { field, message } of errors) {
    const control = form.elements.namedItem(field);
    if (!control || !control.id) {
      unplaced.push({ field, message });
      continue;
    }
    control.setAttribute('aria-invalid', 'true');
    const container = control.closest('.field') ?? control.parentElement;
    container.classList.add('field-invalid');
    const id = `${control.id}-error`;
    let note = document.getElementById(id);
    if (!note) {
      note = document.createElement('p');
      note.id = id;
      note.className = 'field-error';
      if (container.classList.contains('field')) {
        container.append(note);
      } else {
        control.insertAdjacentElement('afterend', note);
      }
    }
    note.textContent = message;
    const describedBy = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
    describedBy.add(id);
    control.setAttribute('aria-describedby', [...describedBy].join(' '));
  }
  return unplaced;
}

/** The message box at the top of the form (created on first use); role=alert, so screen readers announce it. */
export function showAlert(form, message, details = []) {
  let alert = form.querySelector('.form-alert');
  if (!alert) {
    alert = document.createElement('div');
    alert.className = 'alert alert-error form-alert';
    alert.setAttribute('role', 'alert');
    alert.tabIndex = -1;
    form.prepend(alert);
  }
  alert.replaceChildren();
  const title = document.createElement('p');
  title.className = 'alert-title';
  title.textContent = message;
  alert.append(title);
  for (const detail of details) {
    const line = document.createElement('p');
    line.className = 'alert-detail';
    line.textContent = detail;
    alert.append(line);
  }
  alert.hidden = false;
}

export function clearErrors(form) {
  form.querySelector('.form-alert')?.remove();
  form.querySelectorAll('.field-error').forEach((note) => {
    const control = form.querySelector(`[aria-describedby~="${note.id}"]`);
    if (control) {
      const rest = control.getAttribute('aria-describedby').split(' ').filter((id) => id !== note.id);
      if (rest.length) {
        control.setAttribute('aria-describedby', rest.join(' '));
      } else {
        control.removeAttribute('aria-describedby');
      }
    }
    note.remove();
  });
  form.querySelectorAll('[aria-invalid]').forEach((control) => control.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-invalid').forEach((field) => field.classList.remove('field-invalid'));
}

function focusFirstInvalid(form) {
  const first = form.querySelector('[aria-invalid="true"]');
  first?.focus();
  return Boolean(first);
}

function setBusy(form, busy) {
  form.setAttribute('aria-busy', String(busy));
  form.querySelectorAll('button[type="submit"], button:not([type])').forEach((button) => {
    button.classList.toggle('is-busy', busy);
  });
}
