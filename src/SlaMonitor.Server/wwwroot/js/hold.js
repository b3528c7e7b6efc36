// Holds the order of the list while someone reads it: the pointer is over it (and moved in the last 20 s),
// or a key was pressed in it in the last 5 s. When the hold ends, `release` is called.
let pointerInside = false;
let lastPointer = 0;
let lastKey = 0;

export const heldState = () =>
  (pointerInside && Date.now() - lastPointer < 20000) || Date.now() - lastKey < 5000;

export function startHold(element, release) {
  element.addEventListener('pointerenter', () => { pointerInside = true; lastPointer = Date.now(); });
  element.addEventListener('pointermove', () => { lastPointer = Date.now(); });
  element.addEventListener('pointerleave', () => { pointerInside = false; release(); });
  element.addEventListener('keydown', () => { lastKey = Date.now(); });
  let was = false;
  setInterval(() => {
    const now = heldState();
    if (was && !now) release();
    was = now;
  }, 500);
  return { release: () => { pointerInside = false; lastKey = 0; } };
}
