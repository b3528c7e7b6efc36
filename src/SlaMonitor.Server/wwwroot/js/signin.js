// Exchanges an API key for the board's cookie, then returns to the page that asked (same site only).
const form = document.getElementById('signin');
const error = document.getElementById('error');
const back = new URLSearchParams(location.search).get('returnUrl') ?? '/';
const safeBack = back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/';

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  const response = await fetch('/board/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-SlaMonitor-Board': '1' },
    body: JSON.stringify({ key: form.elements.key.value }),
  });
  if (response.ok) {
    location.assign(safeBack);
  } else {
    error.textContent = response.status === 401 ? 'That API key is not known.' : `Sign-in failed (${response.status}).`;
    form.elements.key.select();
  }
});
