// What TimelineJS 3 makes of a CSV sheet, read with its own code: CSV.js parses the text,
// ConfigFactory.js turns rows into slides (as for a CSV address), TimelineConfig.js
// sanitizes and validates them and TLDate.js says each date in English.
import { readCSVFromURL } from './node_modules/@knight-lab/timelinejs/src/js/core/ConfigFactory.js'
import { TimelineConfig } from './node_modules/@knight-lab/timelinejs/src/js/core/TimelineConfig.js'
import { Language } from './node_modules/@knight-lab/timelinejs/src/js/language/Language.js'

const lang = Language.fallback
// TimelineJS puts dates, Display Date and Group in the page as innerHTML (Slide.js,
// TimeMarker.js, TimeGroup.js): the text a person reads is that HTML's text.
const seen = (html) => {
    const box = globalThis.document.createElement('div')
    box.innerHTML = html
    return box.textContent
}
const shown = (date) => (date ? seen(date.getDisplayDate(lang)) : null)
// Headline, Text, credit and caption stay HTML (TimelineJS sanitizes and shows them as such).
const slide = (s) => ({
    headline: s.text ? s.text.headline : null,
    text: s.text ? s.text.text : null,
    start: shown(s.start_date),
    end: shown(s.end_date),
    display_date: seen(s.display_date || ''),
    group: seen(s.group || ''),
    media: s.media || null,
})

// One sheet's errors, warnings, title, events and eras, dates as TimelineJS shows them.
export async function read(csvText) {
    globalThis.window.fetch = async () => ({
        status: 200,
        text: async () => csvText,
        headers: { get: () => 'text/csv' },
    })
    const json = await readCSVFromURL('sheet.csv')
    const config = new TimelineConfig(json)
    config.validate()
    return {
        errors: json.errors.concat(config.messages.errors).map(String),
        warnings: json.warnings.concat(config.messages.warnings).map(String),
        rows: json.events.length + (json.title ? 1 : 0) + json.eras.length,
        title: config.title ? slide(config.title) : null,
        events: config.events.map(slide),
        eras: config.eras.map((e) => ({ headline: e.headline, start: shown(e.start_date), end: shown(e.end_date) })),
    }
}
