import 'reflect-metadata';
import { ALL_TOPICS, deadLetterTopic, PIPELINE_STAGES } from '@newsflow/contracts';
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
    topics: [...ALL_TOPICS, ...PIPELINE_STAGES.map(deadLetterTopic)],
    bodyParser: false,
    description: 'Accepts wire stories, normalises them into the canonical article and hands them to the pipeline.',
  });
});
