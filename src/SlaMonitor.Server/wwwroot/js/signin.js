// Exchanges an API key for the board's cookie, then returns to the page that asked: the server says where (same site only).
const form = document.getElementById('signin');
const error = document.getElementById('error');
const returnUrl = new URLSearchParams(location.search).get('returnUrl') ?? '/';

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  const response = await fetch('/board/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-SlaMonitor-Board': '1' },
    body: JSON.stringify({ key: form.elements.key.value, returnUrl }),
  });
  if (response.ok) {
    const session = await response.json();
    location.assign(session.returnTo ?? '/');
    return;
  }
  error.textContent = response.status === 401 ? 'That API key is not known.'
    : response.status === 429 ? 'Too many failed sign-ins from this address; try again later.'
    : `Sign-in failed (${response.status}).`;
  form.elements.key.select();
});
