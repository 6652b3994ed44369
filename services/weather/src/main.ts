import 'reflect-metadata';
import { deadLetterTopic, TOPICS } from '@newsflow/contracts';
import { runMain, serviceVersion, startService } from '@newsflow/messaging';
import { AppModule } from './app.module';
import { loadWeatherConfig } from './config/weather.config';

runMain('weather', async () => {
  const config = loadWeatherConfig();
  const version = serviceVersion(__dirname);
  await startService({
    service: 'weather',
    version,
    module: AppModule.register(config, version),
    config,
    groupId: config.KAFKA_GROUP_ID,
    topics: [TOPICS.articleEnriched, TOPICS.articleWeatherAttached, deadLetterTopic('weather')],
    description: 'Attaches current conditions and a multi-day forecast for each article\'s location.',
  });
});
