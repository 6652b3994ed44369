import { detectLanguage } from './language-detect';

describe('detectLanguage', () => {
  it('tells common languages apart', () => {
    expect(detectLanguage('The president said on Monday that the talks with the union had failed and that he was leaving.')).toBe('en');
    expect(detectLanguage("Le président a déclaré lundi que les négociations avec les syndicats ont échoué et qu'il part.")).toBe('fr');
    expect(detectLanguage('El presidente dijo el lunes que las negociaciones con los sindicatos habían fracasado y que se va.')).toBe('es');
    expect(detectLanguage('Президент заявил в понедельник, что переговоры с профсоюзами провалились.')).toBe('ru');
  });
  it('stays silent on too little text or garbage', () => {
    expect(detectLanguage('')).toBeUndefined();
    expect(detectLanguage('\u0000\u0001\ufffd\ufffd%%$$##')).toBeUndefined();
  });
});
