// Renders one page of a stored PDF with pdf.js (vendored under /lib/pdfjs, with its CMaps and standard fonts so
// Chinese PDFs render offline) and draws the cited passage's boxes over it. Boxes are in PDF user space (points,
// origin bottom-left), as the ingestion stored them; the viewport's transform puts them on the page however it is
// turned (its /Rotate, plus the turn OCR found on a scan placed sideways or upside down).
import * as pdfjsLib from '/lib/pdfjs/build/pdf.min.mjs';

pdfjsLib.GlobalWorkerOptions.workerSrc = '/lib/pdfjs/build/pdf.worker.min.mjs';

const documents = new Map();

function load(url) {
    if (!documents.has(url)) {
        const task = pdfjsLib.getDocument({
            url,
            cMapUrl: '/lib/pdfjs/cmaps/',
            cMapPacked: true,
            standardFontDataUrl: '/lib/pdfjs/standard_fonts/',
            wasmUrl: '/lib/pdfjs/wasm/',
            iccUrl: '/lib/pdfjs/iccs/',
            isEvalSupported: false,
        });
        documents.set(url, task.promise);
    }
    return documents.get(url);
}

/**
 * Renders page `pageNumber` into `host` (a div) at the host's width, turned clockwise by `turn` degrees beyond its own
 * /Rotate (so a scan placed sideways shows upright), and highlights `boxes` of that page.
 */
export async function renderPage(host, url, pageNumber, boxes, turn = 0) {
    if (!host) return { pages: 0 };
    const pdf = await load(url);
    const page = await pdf.getPage(Math.min(Math.max(pageNumber, 1), pdf.numPages));
    const width = Math.max(host.clientWidth - 4, 300);
    const rotation = (((page.rotate + (turn || 0)) % 360) + 360) % 360;
    const unscaled = page.getViewport({ scale: 1, rotation });
    const viewport = page.getViewport({ scale: width / unscaled.width, rotation });

    host.innerHTML = '';
    host.style.position = 'relative';
    const canvas = document.createElement('canvas');
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${viewport.width}px`;
    canvas.style.height = `${viewport.height}px`;
    host.appendChild(canvas);
    const context = canvas.getContext('2d');
    await page.render({ canvasContext: context, canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null }).promise;

    let first = null;
    for (const box of boxes || []) {
        const [x1, y1, x2, y2] = viewport.convertToViewportRectangle([box.left, box.bottom, box.right, box.top]);
        const mark = document.createElement('div');
        mark.className = 'rag-pdf-highlight';
        mark.style.left = `${Math.min(x1, x2)}px`;
        mark.style.top = `${Math.min(y1, y2)}px`;
        mark.style.width = `${Math.abs(x2 - x1)}px`;
        mark.style.height = `${Math.abs(y2 - y1)}px`;
        host.appendChild(mark);
        first ??= mark;
    }
    if (first) first.scrollIntoView({ block: 'center', behavior: 'instant' });
    host.dataset.renderedPage = String(page.pageNumber);
    host.dataset.highlights = String((boxes || []).length);
    host.dataset.rotation = String(rotation);
    return { pages: pdf.numPages };
}
