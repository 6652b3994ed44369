import 'reflect-metadata';
import { ALL_TOPICS, deadLetterTopic } from '@newsflow/contracts';
import { runMain, serviceVersion, startService } from '@newsflow/messaging';
import { AppModule } from './app.module';
import { loadIngestConfig } from './config/ingest.config';

runMain('ingest', async () => {
  const config = loadIngestConfig();
  const version = serviceVersion(__dirname);
  await startService({
    service: 'ingest',
    version,
    module: AppModule.register(config, version),
    config,
    groupId: config.KAFKA_GROUP_ID,
    topics: [...ALL_TOPICS, deadLetterTopic('ingest')],
    bodyParser: false,
    description: 'Accepts wire stories, normalises them into the canonical article and hands them to the pipeline.',
  });
});
