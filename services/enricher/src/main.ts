import 'reflect-metadata';
import { deadLetterTopic, TOPICS } from '@newsflow/contracts';
import { runMain, serviceVersion, startService } from '@newsflow/messaging';
import { AppModule } from './app.module';
import { loadEnricherConfig } from './config/enricher.config';

runMain('enricher', async () => {
  const config = loadEnricherConfig();
  const version = serviceVersion(__dirname);
  await startService({
    service: 'enricher',
    version,
    module: AppModule.register(config, version),
    config,
    groupId: config.KAFKA_GROUP_ID,
    topics: [TOPICS.articleReceived, TOPICS.articleEnriched, deadLetterTopic('enricher')],
    description: 'Finds the people, organisations, places, events and dates in each article.',
  });
});
