// node run.cjs BUNDLE < sheets.json: reads a JSON list of CSV texts on standard input and
// writes, as a JSON list, what TimelineJS makes of each (see entry.mjs). BUNDLE is entry.mjs
// bundled by esbuild (build.sh). jsdom gives TimelineJS the page it expects.
const path = require('path')
const { JSDOM } = require('jsdom')

const dom = new JSDOM('<!doctype html><html><body></body></html>')
globalThis.window = dom.window
for (const name of ['document', 'DOMParser', 'navigator', 'getComputedStyle', 'HTMLElement', 'Element', 'Node',
    'requestAnimationFrame', 'cancelAnimationFrame', 'location', 'screen', 'Image']) {
    if (!(name in globalThis) && dom.window[name]) globalThis[name] = dom.window[name]
}
// TimelineJS traces to the console; standard output is kept for the answer.
console.log = (...args) => console.error(...args)
const { read } = require(path.resolve(process.argv[2]))

let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (chunk) => (input += chunk))
process.stdin.on('end', async () => {
    const answers = []
    for (const sheet of JSON.parse(input)) answers.push(await read(sheet))
    process.stdout.write(JSON.stringify(answers))
})
