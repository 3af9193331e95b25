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

export function scrollIntoView(selector) {
    const element = document.querySelector(selector);
    if (element) element.scrollIntoView({ block: 'center', behavior: 'instant' });
}

export function scrollToBottom(element) {
    if (element) element.scrollTop = element.scrollHeight;
}
