import { DynamicModule, Module } from '@nestjs/common';
import { KafkaProbe, MessagingModule } from '@newsflow/messaging';
import { PlatformModule, RedisModule, RedisProbe } from '@newsflow/platform';
import { WeatherConfig } from './config/weather.config';
import { AttachWeatherMessageController } from './forecast/attach-weather.message.controller';
import { AttachWeatherService } from './forecast/attach-weather.service';

@Module({})
export class AppModule {
  static register(config: WeatherConfig, version: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RedisModule.forRoot(config.REDIS_URL),
        MessagingModule.forRoot({ brokers: config.KAFKA_BROKERS, service: 'weather', serviceVersion: version, groupId: config.KAFKA_GROUP_ID }),
        PlatformModule.forRoot({ service: 'weather', probes: [KafkaProbe, RedisProbe] }),
      ],
      controllers: [AttachWeatherMessageController],
      providers: [AttachWeatherService],
    };
  }
}
