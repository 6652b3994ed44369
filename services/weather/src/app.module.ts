import { DynamicModule, Logger, Module } from '@nestjs/common';
import { KafkaProbe, MessagingModule, messagingOptionsFromConfig } from '@newsflow/messaging';
import { PlatformModule, REDIS_CLIENT, RedisModule, RedisProbe } from '@newsflow/platform';
import type Redis from 'ioredis';
import { WEATHER_CONFIG, WeatherConfig } from './config/weather.config';
import { WeatherBackfillService } from './backfill/weather-backfill.service';
import { WeatherCache } from './cache/weather-cache';
import { AttachWeatherMessageController } from './forecast/attach-weather.message.controller';
import { AttachWeatherService } from './forecast/attach-weather.service';
import { createWeatherProvider } from './provider/create-weather-provider';
import { WEATHER_PROVIDER, WeatherProvider } from './provider/weather-provider.port';

@Module({})
export class AppModule {
  static register(config: WeatherConfig, version: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RedisModule.forRoot(config.REDIS_URL),
        MessagingModule.forRoot(messagingOptionsFromConfig(config, { service: 'weather', serviceVersion: version, groupId: config.KAFKA_GROUP_ID })),
        PlatformModule.forRoot({ service: 'weather', probes: [KafkaProbe, RedisProbe] }),
      ],
      controllers: [AttachWeatherMessageController],
      providers: [
        { provide: WEATHER_CONFIG, useValue: config },
        WeatherBackfillService,
        {
          provide: WEATHER_PROVIDER,
          useFactory: (): WeatherProvider => {
            const provider = createWeatherProvider(config);
            // Operators should see at a glance where weather comes from and what an outage means.
            new Logger('WeatherProvider').log({
              msg: `weather provider ${provider.name} at ${provider.baseUrl}; if it cannot be reached, articles move on with weather.status "unavailable"`,
              provider: provider.name,
              baseUrl: provider.baseUrl,
              ...(provider.name === 'open-meteo' ? { archiveBaseUrl: config.OPEN_METEO_ARCHIVE_BASE_URL } : {}),
              timeoutMs: config.WEATHER_TIMEOUT_MS,
              retries: config.WEATHER_RETRIES,
            });
            return provider;
          },
        },
        {
          provide: WeatherCache,
          useFactory: (redis: Redis) =>
            new WeatherCache(redis, {
              currentSeconds: config.WEATHER_CACHE_CURRENT_TTL_S,
              dailySeconds: config.WEATHER_CACHE_DAILY_TTL_S,
              historySeconds: config.WEATHER_CACHE_ARCHIVE_TTL_S,
            }),
          inject: [REDIS_CLIENT],
        },
        {
          provide: AttachWeatherService,
          useFactory: (provider: WeatherProvider, cache: WeatherCache) =>
            new AttachWeatherService(provider, cache),
          inject: [WEATHER_PROVIDER, WeatherCache],
        },
      ],
    };
  }
}
