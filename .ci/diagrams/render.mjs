// Renders every processes/*.bpmn to docs/images/<name>.png as Camunda Modeler draws it: bpmn-js (the modeler's
// renderer) imports the file and draws its diagram interchange (BPMNDI), exports it as SVG like the modeler's
// "Export as image", and headless Chromium rasterises that SVG on a white background, the whole diagram scaled
// to WIDTH px wide (never above 2x). A docs tool, not run by CI.
// Usage: (cd .ci/diagrams && npm ci) && node .ci/diagrams/render.mjs [file.bpmn ...]  (from anywhere;
// default: every processes/*.bpmn). Needs Debian's chromium (/usr/bin/chromium, or set CHROMIUM=path).
// Exits 1 if a file does not import cleanly (bpmn-js warnings included).
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(join(here, 'package.json'));
const { chromium } = require('playwright-core');

const WIDTH = 1600;
const MAX_SCALE = 2;
const MARGIN = 20;
const OUT = join(root, 'docs', 'images');
const bpmnJs = dirname(require.resolve('bpmn-js/package.json'));

const files = process.argv.length > 2
  ? process.argv.slice(2).map((f) => resolve(f))
  : readdirSync(join(root, 'processes')).filter((f) => f.endsWith('.bpmn')).sort()
    .map((f) => join(root, 'processes', f));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--font-render-hinting=none']
});
let failed = false;
try {
  for (const file of files) {
    const xml = readFileSync(file, 'utf8');

    // 1. bpmn-js imports the XML and exports the drawn diagram as SVG (the modeler's image export).
    const viewer = await browser.newPage();
    await viewer.setContent('<!DOCTYPE html><html><body><div id="canvas" style="width:2000px;height:2000px"></div></body></html>');
    await viewer.addStyleTag({ path: join(bpmnJs, 'dist/assets/diagram-js.css') });
    await viewer.addStyleTag({ path: join(bpmnJs, 'dist/assets/bpmn-js.css') });
    await viewer.addScriptTag({ path: join(bpmnJs, 'dist/bpmn-viewer.production.min.js') });
    const { svg, warnings } = await viewer.evaluate(async (xml) => {
      const bpmn = new BpmnJS({ container: '#canvas' });
      const { warnings } = await bpmn.importXML(xml);
      const { svg } = await bpmn.saveSVG();
      return { svg, warnings: warnings.map((w) => w.message) };
    }, xml);
    await viewer.close();
    if (warnings.length) {
      failed = true;
      console.error(`${relative(root, file)}: ${warnings.length} import warning(s):\n  ${warnings.join('\n  ')}`);
      continue;
    }

    // 2. Chromium rasterises the SVG: white background, the whole diagram, WIDTH px wide.
    const [, , w, h] = svg.match(/viewBox="([^"]+)"/)[1].split(/\s+/).map(Number);
    const scale = Math.min(MAX_SCALE, WIDTH / (w + 2 * MARGIN));
    const page = await browser.newPage({
      viewport: { width: Math.ceil(w + 2 * MARGIN), height: Math.ceil(h + 2 * MARGIN) },
      deviceScaleFactor: scale
    });
    await page.setContent('<!DOCTYPE html><html><body style="margin:0;background:#fff">'
      + `<div style="padding:${MARGIN}px;line-height:0">${svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/^<!DOCTYPE[^>]*>\s*/, '')}</div>`
      + '</body></html>');
    const png = await page.screenshot({ fullPage: true, omitBackground: false });
    await page.close();

    mkdirSync(OUT, { recursive: true });
    const target = join(OUT, basename(file, '.bpmn') + '.png');
    writeFileSync(target, png);
    console.log(`${relative(root, file)} -> ${relative(root, target)} (${Math.round((w + 2 * MARGIN) * scale)} px wide)`);
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
