import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { runMain, serviceVersion } from '@newsflow/messaging';
import { createLogger, enableShutdown, ReadinessState } from '@newsflow/platform';
import { Logger } from '@nestjs/common';
import { AppModule } from './app.module';
import { loadConsoleConfig } from './config/console.config';
import { serveStaticAssets } from './web/static-assets';

runMain('console', async () => {
  const config = loadConsoleConfig();
  const version = serviceVersion(__dirname);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    logger: createLogger('console', config.LOG_LEVEL),
    bufferLogs: true,
  });
  enableShutdown(app, config.SHUTDOWN_TIMEOUT_MS);
  serveStaticAssets(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('newsflow console').setDescription('Dashboard of the pipeline and its backend-for-frontend API.').setVersion(version).addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  app.get(ReadinessState).markReady();
  new Logger('bootstrap').log({ msg: 'console ready', port: config.HTTP_PORT, services: [config.INGEST_URL, config.ENRICHER_URL, config.WEATHER_URL, config.INDEXER_URL] });
});
