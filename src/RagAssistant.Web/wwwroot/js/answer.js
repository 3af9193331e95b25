// Citation markers [n] inside a rendered answer are plain buttons; one delegated listener per answer tells .NET
// which one was clicked, so the Markdown HTML never needs inline handlers.
export function attach(element, dotnet) {
    if (!element || element.ragAttached) return;
    element.ragAttached = true;
    element.addEventListener('click', event => {
        const button = event.target.closest('.rag-cite');
        if (button && element.contains(button)) dotnet.invokeMethodAsync('OpenCitation', parseInt(button.dataset.n, 10));
    });
}

export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        // Clipboard API needs a secure context (https or localhost); fall back to a hidden textarea elsewhere.
        const area = document.createElement('textarea');
        area.value = text;
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        const ok = document.execCommand('copy');
        area.remove();
        return ok;
    }
}

// Centres the first element found by the selectors, tried in order, in its scrolling containers (both directions: a
// cited cell may sit far to the right of a wide sheet). The panes around it clip rather than scroll (app.css), so
// the panel's header stays where it is.
export function scrollIntoView(...selectors) {
    for (const selector of selectors) {
        const element = document.querySelector(selector);
        if (element) {
            element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
            return;
        }
    }
}

export function scrollToBottom(element) {
    if (element) element.scrollTop = element.scrollHeight;
}
