import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleOf } from './input-problem';
import { parseSubmission } from './parse-submission';

const nitf = readFileSync(join(__dirname, 'fixtures', 'interpol.nitf.xml'), 'utf8');
const push = (xml: string) => parseSubmission('application/xml', Buffer.from(xml));


describe('NITF pushes that attack the XML handling', () => {
  // `<hl1>` written 2 MiB deep in CDATA, the push size limit: the regex took ~25 s at 600 KB.
  const cdataHl1 = `<![CDATA[${'<hl1>'.repeat((2 * 1024 * 1024) / 5)}]]>`;

  it('reads the headline past opening tags in CDATA that never close, in linear time', () => {
    const noHl1 = nitf.replace(/<hl1>[^<]*<\/hl1>/, '').replace('<p>The assembly', `<p>${cdataHl1}</p><p>The assembly`);
    const start = performance.now();
    const draft = push(noHl1);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(draft).toMatchObject({ headline: 'Marrakech Hosts 93rd INTERPOL General Assembly', sourceItemId: 'EXW-20251124-interpol-ga-93' });
  });

  it('takes the real hl1, not one written in CDATA before it', () => {
    const xml = nitf.replace(/<hl1>[^<]*<\/hl1>/, '<hl1>Real headline</hl1>').replace('<title>', '<title><![CDATA[<hl1>fake</hl1>]]>');
    expect(push(xml).headline).toBe('Real headline');
  });

  it('refuses an entity-declaring DOCTYPE wrapped in comments or PIs that open CDATA', () => {
    const doctype = '<!DOCTYPE nitf [<!ENTITY x "ENTITY-EXPANDED">]>';
    const body = nitf.replace(/^<\?xml[^>]*>/, '').replace(/<hl1>[^<]*<\/hl1>/, '<hl1>&x; headline</hl1>');
    expect(ruleOf(() => push(`<!-- <![CDATA[ -->${doctype}<!-- ]]> -->${body}`))).toBe('xml-doctype-forbidden');
    expect(ruleOf(() => push(`<?pi <![CDATA[ ?>${doctype}<?pi ]]> ?>${body}`))).toBe('xml-doctype-forbidden');
  });
});
