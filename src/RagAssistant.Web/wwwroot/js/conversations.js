// Downloads a URL through a link with the download attribute: the browser saves the file, the page (and its circuit)
// stays, and Blazor's router leaves the link alone.
export function download(url) {
    const link = document.createElement('a');
    link.href = url;
    link.download = '';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
}

// Puts the caret at the end of the question box and focuses it, so an edited question can be changed at once.
export function focusQuestion() {
    const box = document.querySelector('textarea[data-testid=question-input], [data-testid=question-input] textarea');
    if (!box) return;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
}
