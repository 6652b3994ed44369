import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Node refuses a request line or headers over 16 KB (a 100 KB `q`, say) before Express sees it,
 * with a bare 431. This answers such requests as the other refusals are: 400 problem+json.
 * Every other client error keeps Node's own answer.
 */
@Injectable()
export class OversizedRequestListener implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    server?.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
      if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
      if (error.code === 'HPE_HEADER_OVERFLOW') {
        const body = JSON.stringify({ type: 'https://newsflow.dev/problems/invalid-parameter', title: 'a request parameter is invalid',
          status: 400, detail: 'the request line or headers exceed 16 KB; q takes at most 500 characters', rule: 'request-too-large',
          parameter: 'query', field: 'query' });
        return void socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      }
      const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    });
  }
}
