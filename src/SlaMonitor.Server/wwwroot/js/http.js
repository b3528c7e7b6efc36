// Requests from the board: the cookie plus a header a cross-site form cannot send.
export const boardHeaders = { 'X-SlaMonitor-Board': '1', Accept: 'application/json' };

export async function getJson(url) {
  const response = await fetch(url, { headers: boardHeaders, credentials: 'same-origin' });
  if (response.status === 401) {
    toSignIn();
    throw new Error('signed out');
  }
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

export function toSignIn() {
  const back = location.pathname + location.search;
  location.assign('/signin?returnUrl=' + encodeURIComponent(back));
}

/** Shows who is signed in and offers sign-out (not for the Development auto sign-in). */
export async function showSession(element) {
  const session = await getJson('/board/session');
  const scope = session.customers ? ` · ${session.customers.join(', ') || 'no customers'}` : '';
  element.textContent = `${session.name} (${session.role}${scope})`;
  if (!session.developer) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = 'Sign out';
    button.addEventListener('click', async () => {
      await fetch('/board/session', { method: 'DELETE', headers: boardHeaders });
      toSignIn();
    });
    element.append(' ', button);
  }
  return session;
}

/** A board write: JSON body, the board header; throws with the server's problem detail. */
export async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
    headers: { ...boardHeaders, 'Content-Type': 'application/json' },
  });
  if (response.status === 401) toSignIn();
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = json?.detail ?? Object.values(json?.errors ?? {}).flat().join(' ') ?? '';
    throw new Error(detail || `${response.status}`);
  }
  return json;
}
