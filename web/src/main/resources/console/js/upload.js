// A file upload box: a drop zone for drag and drop, and a labelled file input with an Upload button for the
// keyboard (Tab to the input, Enter or Space opens the file chooser, Tab to Upload, Enter sends). Both send the
// file as the multipart part 'file' with a progress bar, and show the server's message when it is refused.
import { upload } from './app.js';
import { el } from './ui.js';

/**
 * Builds the box. options: label (of the input), accept ('.jar'), path (the endpoint), hint (a line under the
 * input), done(answer, file) after a successful upload, failed(error, file) after a refused one.
 */
export function uploadBox(options) {
  const input = el('input', { type: 'file', accept: options.accept, name: 'file' });
  const id = 'upload-' + options.accept.replace(/\W/g, '');
  input.id = id;
  const button = el('button', { type: 'submit', class: 'primary' }, 'Upload');
  const bar = el('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Upload progress' });
  const status = el('p', { class: 'upload-status', role: 'status' });
  const form = el('form', { class: 'dropzone', novalidate: true },
    el('p', { class: 'drop-hint' }, `Drop a ${options.accept} file here, or choose one:`),
    el('div', { class: 'upload-row' }, el('label', { for: id }, options.label), input, button),
    options.hint ? el('p', { class: 'help' }, options.hint) : null,
    bar, status);

  async function send(file) {
    if (!file) {
      status.textContent = 'Choose a file first.';
      status.className = 'upload-status error';
      input.focus();
      return;
    }
    button.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    status.className = 'upload-status';
    status.textContent = `Uploading ${file.name}…`;
    try {
      const answer = await upload(options.path, file, f => { bar.value = f; });
      status.textContent = `${file.name} uploaded.`;
      form.reset();
      options.done(answer, file);
    } catch (e) {
      status.className = 'upload-status error';
      status.textContent = e.message;
      if (options.failed) {
        options.failed(e, file);
      }
    } finally {
      button.disabled = false;
      bar.hidden = true;
    }
  }

  form.addEventListener('submit', ev => {
    ev.preventDefault();
    send(input.files[0]);
  });
  form.addEventListener('dragover', ev => {
    ev.preventDefault();
    ev.dataTransfer.dropEffect = 'copy';
    form.classList.add('over');
  });
  form.addEventListener('dragleave', ev => {
    if (!form.contains(ev.relatedTarget)) {
      form.classList.remove('over');
    }
  });
  form.addEventListener('drop', ev => {
    ev.preventDefault();
    form.classList.remove('over');
    const files = ev.dataTransfer.files;
    if (files.length !== 1) {
      status.className = 'upload-status error';
      status.textContent = files.length === 0 ? 'Drop a file, not text.' : 'Drop one file at a time.';
      return;
    }
    send(files[0]);
  });
  return form;
}
