// Kaiji staff console: the little script the pages need. No inline script anywhere (the
// Content-Security-Policy forbids it); everything hooks onto data-* attributes.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  // Forms that ask before they change something (rollback).
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });

  const rebuild = document.getElementById('rebuild');
  if (rebuild) {
    watchRebuild(rebuild);
  }

  const review = document.getElementById('review');
  if (review) {
    reviewKeys(review);
  }

  const register = document.getElementById('register-form');
  if (register) {
    agentFields(register);
  }
});

// The agent's fields matter only when an agent or a legal representative sent the request.
function agentFields(form) {
  const agent = document.getElementById('agent');
  const update = () => {
    const kind = form.querySelector('input[name=requesterKind]:checked');
    agent.hidden = !kind || kind.value === 'person';
  };
  form.querySelectorAll('input[name=requesterKind]').forEach((radio) => radio.addEventListener('change', update));
  update();
}

// Polls the rebuild job's status and moves the progress bar until the job ends.
function watchRebuild(root) {
  const url = root.dataset.statusUrl;
  const bar = document.getElementById('rebuild-progress');
  const percent = document.getElementById('rebuild-percent');
  const state = document.getElementById('rebuild-state');
  const message = document.getElementById('rebuild-message');
  const body = document.querySelector('#rebuild-sources tbody');
  const label = (s) => {
    const dd = document.querySelector('#state-labels dd[data-state="' + s + '"]');
    return dd ? dd.textContent : s;
  };
  const tick = async () => {
    let status;
    try {
      const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      status = await response.json();
    } catch (e) {
      message.hidden = false;
      message.textContent = String(e);
      setTimeout(tick, 2000);
      return;
    }
    bar.value = Math.round(status.fraction * 1000);
    percent.textContent = Math.round(status.fraction * 100) + '%';
    state.textContent = label(status.state);
    state.dataset.state = status.state;
    body.replaceChildren(...status.sources.map((s) => {
      const tr = document.createElement('tr');
      [s.source, label(s.state), String(s.rowsRead), String(s.quarantined)].forEach((text, i) => {
        const td = document.createElement('td');
        td.textContent = text;
        if (i >= 2) {
          td.className = 'num';
        }
        tr.appendChild(td);
      });
      return tr;
    }));
    if (status.message) {
      message.hidden = false;
      message.textContent = status.message;
    }
    if (status.state === 'pending' || status.state === 'running') {
      setTimeout(tick, 250);
    } else {
      root.dataset.finished = status.state;
    }
  };
  tick();
}

// Keyboard review of a long list: j/k move between records, a accepts, r focuses the reason
// of a rejection (Enter then submits it).
function reviewKeys(root) {
  const records = () => Array.from(root.querySelectorAll('article.record'));
  let index = -1;
  const select = (i) => {
    const all = records();
    if (all.length === 0) {
      return;
    }
    index = Math.max(0, Math.min(all.length - 1, i));
    all.forEach((r) => r.classList.remove('current'));
    const current = all[index];
    current.classList.add('current');
    current.scrollIntoView({ block: 'nearest' });
    // The focus follows the selection (accept first; never a hidden input, which cannot take it),
    // so that Tab and Enter act on the selected record.
    const first =
      current.querySelector('button.accept') ||
      current.querySelector('button, input:not([type=hidden]), summary');
    if (first) {
      first.focus({ preventScroll: true });
    } else {
      current.setAttribute('tabindex', '-1');
      current.focus({ preventScroll: true });
    }
  };
  document.addEventListener('keydown', (event) => {
    const typing = event.target.matches('input[type=text], textarea, select');
    if (typing || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const current = records()[index];
    if (event.key === 'j') {
      select(index + 1);
    } else if (event.key === 'k') {
      select(index - 1);
    } else if (event.key === 'a' && current) {
      const accept = current.querySelector('button[value=accept]');
      if (accept) {
        accept.click();
      }
    } else if (event.key === 'r' && current) {
      const reason = current.querySelector('input[name=reason]');
      if (reason) {
        event.preventDefault();
        reason.focus();
      }
    } else {
      return;
    }
    event.preventDefault();
  });
}
