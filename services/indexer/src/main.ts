import 'reflect-metadata';
import { deadLetterTopic, TOPICS } from '@newsflow/contracts';
import { runMain, serviceVersion, startService } from '@newsflow/messaging';
import { AppModule } from './app.module';
import { loadIndexerConfig } from './config/indexer.config';

runMain('indexer', async () => {
  const config = loadIndexerConfig();
  const version = serviceVersion(__dirname);
  await startService({
    service: 'indexer',
    version,
    module: AppModule.register(config, version),
    config,
    groupId: config.KAFKA_GROUP_ID,
    topics: [TOPICS.articleWeatherAttached, TOPICS.articleIndexed, deadLetterTopic('indexer')],
    description: 'Makes every article searchable and publishes the finished article for downstream consumers.',
  });
});
