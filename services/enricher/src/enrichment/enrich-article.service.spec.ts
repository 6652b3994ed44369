import { Logger } from '@nestjs/common';
import { makeArticle } from '@newsflow/contracts/testing';
import { EnrichmentSchema } from '@newsflow/contracts';
import { metricsRegistry } from '@newsflow/platform';
import { WorkerTimeoutError } from '../extraction/worker-timeout.error';
import { EnrichArticleService } from './enrich-article.service';
import { EntityExtractor } from './entity-extractor.provider';

describe('EnrichArticleService', () => {
  const extractor = new EntityExtractor();
  const service = new EnrichArticleService(extractor);
  beforeAll(() => extractor.onModuleInit());

  it('produces a valid enrichment section for English articles', async () => {
    const enrichment = await service.enrich(makeArticle({ language: 'en-GB' }), '1.0.0');
    expect(EnrichmentSchema.parse(enrichment).status).toBe('enriched');
    expect(enrichment.language).toBe('en');
  });

  it('fills entities and the primary location', async () => {
    const enrichment = await service.enrich(
      makeArticle({ language: 'en', headline: 'Storm hits coast', body: 'MARRAKECH, Morocco (AP) — King Mohammed VI visited the city on Monday, officials said.' }),
      '1.0.0',
    );
    expect(EnrichmentSchema.parse(enrichment).primaryLocation).toMatchObject({ name: 'Marrakech', reason: 'dateline', countryCode: 'MA' });
    expect(enrichment.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['person:mohammed-vi', 'place:2542997', 'place:country-ma']));
  });

  it('finds nothing in a kill, so a name in the operator\'s reason becomes no entity of the story', async () => {
    const kill = makeArticle({ language: 'en', pubStatus: 'canceled', headline: 'Story withdrawn',
      body: 'MARRAKECH - This story has been withdrawn. Court order 2026/555: protect witness Brindlewick Osterhal.' });
    const enrichment = await service.enrich(kill, '1.0.0');
    expect(EnrichmentSchema.parse(enrichment)).toMatchObject({ status: 'skipped', reason: 'canceled', language: 'en', entities: [], primaryLocation: null });
  });

  it('passes other languages on with the reason instead of failing', async () => {
    const enrichment = await service.enrich(makeArticle({ language: 'fr' }), '1.0.0');
    expect(enrichment.status).toBe('skipped');
    expect(enrichment.reason).toBe('language-not-supported:fr');
    expect(enrichment.entities).toEqual([]);
  });

  it('still places a story in another language by its dateline, so it gets that place\'s weather', async () => {
    const enrichment = await service.enrich(makeArticle({
      language: 'fr', headline: 'La fête des Lumières commence',
      body: 'LYON - La ville a allumé jeudi soir ses premières illuminations, devant des milliers de visiteurs.',
    }), '1.0.0');
    expect(enrichment).toMatchObject({ status: 'skipped', entities: [] });
    expect(EnrichmentSchema.parse(enrichment).primaryLocation).toMatchObject({ name: 'Lyon', countryCode: 'FR', reason: 'dateline', timezone: 'Europe/Paris' });
  });

  it('skips text tagged en that is clearly another language', async () => {
    const enrichment = await service.enrich(
      makeArticle({ language: 'en', headline: 'Le président en visite', body: "Le président a déclaré lundi que les négociations avec les syndicats ont échoué et qu'il part pour la ville." }),
      '1.0.0',
    );
    expect(enrichment).toMatchObject({ status: 'skipped', reason: 'language-not-supported:fr', language: 'fr' });
  });

  // The wire desk audit's inputs (/tmp/auditI/c1.json, c3.json, c4.json).
  it('enriches English copy quoting a French or Russian passage, as the English it is declared', async () => {
    const bodies = [
      'PARIS (Reuters) - French President Emmanuel Macron said on Monday: "Nous ne laisserons pas la France être divisée par ceux qui veulent la violence, et nous serons au rendez-vous de l\'histoire pour le pays et pour les Français."',
      'MOSCOW (Reuters) - Kremlin spokesman Dmitry Peskov said: «Мы не будем комментировать эти сообщения, потому что они не соответствуют действительности и являются провокацией».',
      'PARIS (Reuters) - French President Emmanuel Macron vowed on Monday to stand firm after a week of riots. Police arrested more than 300 people overnight, the interior ministry said. Le gouvernement a annoncé que les négociations avec les syndicats ont échoué et que la grève continue.',
    ];
    for (const body of bodies) {
      const enrichment = await service.enrich(makeArticle({ language: 'en', headline: 'Leaders speak', body }), '1.0.0');
      expect([body.slice(0, 30), enrichment.status, enrichment.language]).toEqual([body.slice(0, 30), 'enriched', 'en']);
      expect(enrichment.entities.length).toBeGreaterThan(0);
    }
  });

  it('skips copy tagged en that is overwhelmingly another language, under that language or und', async () => {
    const cases: [string, string][] = [
      ['WARSZAWA (PAP) - Prezydent Polski Andrzej Duda spotkał się w poniedziałek z premierem Donaldem Tuskiem w Krakowie. Rozmowy dotyczyły bezpieczeństwa na granicy i pomocy dla Ukrainy, a także sytuacji gospodarczej w kraju.', 'pl'],
      ['ANKARA (AA) - Cumhurbaşkanı Recep Tayyip Erdoğan pazartesi günü yaptığı açıklamada hükümetin ekonomi için yeni bir plan sunacağını söyledi. Bu ülke için önemli bir gün ve birçok kişi memnun.', 'tr'],
      ['HÀ NỘI (TTXVN) - Thủ tướng Phạm Minh Chính cho biết hôm thứ Hai rằng Chính phủ sẽ trình bày một kế hoạch mới cho nền kinh tế. Đây là một ngày quan trọng đối với Đà Nẵng và Hải Phòng.', 'und'],
      ['【東京共同】岸田文雄首相は７日、首相官邸で記者会見し、新たな経済対策を発表した。政府は来年度予算案に盛り込む方針だ。', 'ja'],
      ['КИЇВ, 7 грудня. Президент України Володимир Зеленський заявив у понеділок, що уряд представить новий план відновлення економіки.', 'uk'],
    ];
    for (const [body, language] of cases) {
      const enrichment = await service.enrich(makeArticle({ language: 'en', headline: '', body }), '1.0.0');
      expect([language, enrichment.status, enrichment.reason, enrichment.entities]).toEqual([language, 'skipped', `language-not-supported:${language}`, []]);
    }
  });

  it('places foreign-language agency copy by its exonym dateline, not a namesake town', async () => {
    const enrichment = await service.enrich(makeArticle({ language: 'fr', headline: 'Manœuvres', body: 'Pékin (AFP) - La Chine a annoncé lundi des manœuvres militaires près de Taïwan.' }), '1.0.0');
    expect(enrichment.primaryLocation).toMatchObject({ name: 'Beijing', countryCode: 'CN', reason: 'dateline' });
  });

  it.each([
    ['ru', 'МОСКВА, 7 декабря. /ТАСС/. Президент России заявил в понедельник, что переговоры продолжатся.', 'Moscow', 'Europe/Moscow'],
    ['zh', '新华社北京12月7日电 国家主席习近平7日在人民大会堂会见来访的外国领导人。', 'Beijing', 'Asia/Shanghai'],
    ['ar', 'الدوحة في 07 ديسمبر /قنا/ أكد معالي رئيس مجلس الوزراء أن المحادثات مستمرة.', 'Doha', 'Asia/Qatar'],
    ['ko', '(서울=연합뉴스) 홍길동 기자 = 정부는 7일 새 경제 정책을 발표했다고 밝혔다.', 'Seoul', 'Asia/Seoul'],
  ])('places %s agency copy by its native-script dateline, so it gets weather, under its own language', async (language, body, name, timezone) => {
    // Tagged with its language, and tagged en by a source that tags everything so: the text decides.
    for (const declared of [language, 'en']) {
      const enrichment = await service.enrich(makeArticle({ language: declared, headline: '', body }), '1.0.0');
      expect(EnrichmentSchema.parse(enrichment)).toMatchObject({ status: 'skipped', language, entities: [], primaryLocation: { name, reason: 'dateline', timezone, confidence: 0.95 } });
    }
  });

  describe('when extraction runs past its deadline', () => {
    const timedOut = new EnrichArticleService({ extract: () => Promise.reject(new WorkerTimeoutError(10_000)) } as unknown as EntityExtractor);
    const timeouts = async () => (await metricsRegistry.getSingleMetric('newsflow_enricher_extraction_timeouts_total')?.get())?.values[0]?.value ?? 0;

    it.each([['en'], ['fr']])('passes a %s article on as skipped, extraction-timeout, counted and logged once with its id', async (language) => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      try {
        const before = await timeouts();
        const article = makeArticle({ language, headline: 'Cities', body: 'The tour will stop in ' + 'Paris '.repeat(1333) });
        const enrichment = await timedOut.enrich(article, '1.0.0');
        expect(EnrichmentSchema.parse(enrichment)).toMatchObject({ status: 'skipped', reason: 'extraction-timeout', language, entities: [], primaryLocation: null });
        expect(await timeouts()).toBe(before + 1);
        expect(warn).toHaveBeenCalledTimes(1);
        expect(warn.mock.calls[0][0]).toMatchObject({ articleId: article.id, timeoutMs: 10_000 });
      } finally {
        warn.mockRestore();
      }
    });

    it('still fails on any other extraction error, so the message is retried', async () => {
      const broken = new EnrichArticleService({ extract: () => Promise.reject(new Error('worker pool is closed')) } as unknown as EntityExtractor);
      await expect(broken.enrich(makeArticle({ language: 'en' }), '1.0.0')).rejects.toThrow('worker pool is closed');
    });
  });
});
