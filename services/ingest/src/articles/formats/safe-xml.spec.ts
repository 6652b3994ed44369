import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { assertSafeXml, elementsOf, innerXml, mixedText, parseXml } from './safe-xml';
import { ruleOf } from './input-problem';

const MiB = 1024 * 1024;


/** Milliseconds `fn` takes. The bounds below are ~100 times what a linear scan needs and ~1/100 of what the quadratic regex took. */
function took(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

describe('innerXml and elementsOf', () => {
  it('take the first or every element with any prefix, its attributes and inner markup', () => {
    const xml = '<r><x:hl1 id="a">One <b>two</b></x:hl1><hl1>Three</hl1><hl1x>no</hl1x></r>';
    expect(innerXml(xml, 'hl1')).toBe('One <b>two</b>');
    expect(elementsOf(xml, 'hl1')).toEqual([{ attributes: ' id="a"', inner: 'One <b>two</b>' }, { attributes: '', inner: 'Three' }]);
    expect(innerXml(xml, 'missing')).toBeUndefined();
  });

  it('skip tags written in CDATA, comments and PIs, and read a ">" in an attribute value as text', () => {
    const xml = '<r><![CDATA[<hl1>cdata</hl1>]]><!-- <hl1>comment</hl1> --><?pi <hl1>?><hl1 title="a>b">real</hl1></r>';
    expect(elementsOf(xml, 'hl1')).toEqual([{ attributes: ' title="a>b"', inner: 'real' }]);
  });

  it('pair a nested element of the same name, and read a self-closing one as empty', () => {
    expect(innerXml('<d><d>in</d>out</d>', 'd')).toBe('<d>in</d>out');
    expect(elementsOf('<r><c/><c a="1">x</c></r>', 'c')).toEqual([{ attributes: '', inner: '' }, { attributes: ' a="1"', inner: 'x' }]);
  });
});

describe('mixedText', () => {
  it('keeps text and CDATA in order, drops tags, comments and PIs, and decodes references outside CDATA', () => {
    expect(mixedText('Quake <location>Valpara&#xED;so</location> <!-- x > y --><?pi a?><![CDATA[&amp; <b>]]>\n  ok')).toBe('Quake Valparaíso &amp; <b> ok');
    expect(mixedText('<br/>')).toBeUndefined();
  });
});

describe('assertSafeXml', () => {
  const body = '<nitf><head><title>&x; headline</title></head></nitf>';
  const subset = '<!DOCTYPE nitf [<!ENTITY x "ENTITY-EXPANDED">]>';
  // The parser with its defaults, which expand a declared entity: what the check stands in front of.
  const unguarded = new XMLParser({ processEntities: true });
  const expands = (xml: string) => {
    try {
      return JSON.stringify(unguarded.parse(xml)).includes('ENTITY-EXPANDED headline');
    } catch {
      return false;
    }
  };

  it('refuses a DOCTYPE with entities wrapped in comments or PIs that open a CDATA section', () => {
    for (const xml of [`${subset}${body}`, `<!-- <![CDATA[ -->${subset}<!-- ]]> -->${body}`, `<?pi <![CDATA[ ?>${subset}<?pi ]]> ?>${body}`]) {
      expect(expands(xml)).toBe(true);
      expect({ xml, rule: ruleOf(() => parseXml(xml)) }).toEqual({ xml, rule: 'xml-doctype-forbidden' });
    }
  });

  it('reads comments, PIs, quotes and DOCTYPEs where the parser does, so what it passes the parser does not expand', () => {
    const tricky = [
      `<?pi <!-- ?>${subset}<!-- -->${body}`,
      `<?pi a="?><!--"?>${subset}<!-- -->${body}`,
      `<?><!--?>${subset}<!-- -->${body}`,
      `<!DOCTYPE nitf SYSTEM "<!--" [<!ENTITY x "ENTITY-EXPANDED">]><!-- -->${body}`,
      `<!DOCTYPE nitf <!-- " --> [<!ENTITY x "ENTITY-EXPANDED">]> "${body}`,
      `<!DOCTYPE nitf <!--> [<!ENTITY x "ENTITY-EXPANDED">]><!-- -->${body}`,
      `<nitf a="<!--">${subset}<!-- --><head><title>&x; headline</title></head></nitf>`,
    ];
    for (const xml of tricky) {
      expect({ xml, passed: ruleOf(() => assertSafeXml(xml)) === undefined && expands(xml) }).toEqual({ xml, passed: false });
    }
    const piece = fc.constantFrom('<!--', '-->', '<![CDATA[', ']]>', '<?pi ', '<?', '?>', '"', "'", '>', '<a ', '</a>', '<!DOCTYPE nitf ', subset, '[<!ENTITY x "ENTITY-EXPANDED">]>', ' ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const xml = `${pieces.join('')}${body}`;
      expect(ruleOf(() => assertSafeXml(xml)) !== undefined || !expands(xml)).toBe(true);
    }), { numRuns: 3000 });
  });

  it('takes a DOCTYPE naming its DTD, and one in CDATA or a comment as text', () => {
    expect(() => assertSafeXml(`<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.5//EN" "nitf-3-5.dtd">${body.replace('&x;', 'A')}`)).not.toThrow();
    expect(() => assertSafeXml(`<nitf><p><![CDATA[<!DOCTYPE html><!ENTITY x "y">]]></p><!-- <!DOCTYPE a [ ] > --></nitf>`)).not.toThrow();
    expect(ruleOf(() => assertSafeXml('<!DOCTYPE a><!DOCTYPE b><a/>'))).toBe('xml-doctype-forbidden');
  });

  it('has the parser refuse an entity declaration itself, were one to get past the check', () => {
    const xml = `${subset}${body}`;
    expect(() => new XMLParser({ processEntities: { enabled: true, maxEntityCount: 1, maxEntitySize: 1 } }).parse(xml)).toThrow(/size/);
  });
});

describe('adversarial input is read in linear time', () => {
  // Opening tags with no close after them (XML allows them in CDATA) made each regex match scan to the end.
  const cdata = (tag: string, size: number) => `<r><![CDATA[${`<${tag}>`.repeat(Math.ceil(size / (tag.length + 2)))}]]></r>`;

  it('finds no element in 2 MiB of opening tags in CDATA', () => {
    const xml = cdata('hl1', 2 * MiB);
    expect(took(() => expect(innerXml(xml, 'hl1')).toBeUndefined())).toBeLessThan(2000);
    expect(took(() => expect(elementsOf(xml, 'hl1')).toEqual([]))).toBeLessThan(2000);
  });

  it('checks and reads 2 MiB of unclosed CDATA, comment and DOCTYPE openers', () => {
    for (const opener of ['<![CDATA[', '<!DOCTYPE', '<?']) {
      const xml = `<!-- ${opener.repeat((2 * MiB) / opener.length)} --><r>x</r>`;
      expect(took(() => assertSafeXml(xml))).toBeLessThan(2000);
      expect(took(() => mixedText(xml))).toBeLessThan(2000);
    }
    const unclosed = '<!DOCTYPE'.repeat((2 * MiB) / 9);
    expect(took(() => expect(ruleOf(() => assertSafeXml(unclosed))).toBe('xml-doctype-forbidden'))).toBeLessThan(2000);
  });
});
