// Renders /openapi.json as a table: one row per endpoint with its group, method, path, least role and summary.
(async () => {
  const doc = await (await fetch('/openapi.json')).json();
  document.getElementById('description').textContent = doc.info.description;
  const body = document.getElementById('endpoints');
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const row = document.createElement('tr');
      const cells = [op.tags[0], method.toUpperCase(), path, op['x-quantplug-role'], op.summary];
      cells.forEach((text, i) => {
        const td = document.createElement('td');
        if (i === 1 || i === 2) {
          const code = document.createElement('code');
          code.textContent = text;
          if (i === 1) code.className = 'm ' + text;
          td.appendChild(code);
        } else {
          td.textContent = text;
        }
        row.appendChild(td);
      });
      body.appendChild(row);
    }
  }
})();
