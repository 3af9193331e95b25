// Keyboard shortcuts of the Ask page, one listener for the document:
//   /    focuses the question box (unless the person is already typing somewhere);
//   Esc  closes what is open on top: the source panel, else the conversation drawer, else the menu drawer.
// The closing is a click on the element's own close button or backdrop, so .NET keeps its state in one place.
export function attach() {
    if (document.ragShortcuts) return;
    document.ragShortcuts = true;
    document.addEventListener('keydown', event => {
        if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
        if (event.key === '/' && !isTyping(event.target)) {
            const box = document.querySelector('textarea[data-testid=question-input], [data-testid=question-input] textarea');
            if (box && !box.disabled) {
                event.preventDefault();
                box.focus();
            }
        } else if (event.key === 'Escape') {
            const close = document.querySelector('[data-testid=source-close]')
                ?? document.querySelector('[data-testid=conversations-backdrop]')
                ?? document.querySelector('.mud-drawer-open .mud-overlay, .mud-overlay-drawer');
            if (close) {
                event.preventDefault();
                close.click();
            }
        }
    });
}

function isTyping(element) {
    return element instanceof HTMLElement
        && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}
