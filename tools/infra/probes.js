// Wire-level health checks with nothing but `net`: an open port only says something listens,
// these say the server behind it answers its own protocol.
const net = require('node:net');

/** Sends one request and resolves with parse(buffer) once that returns something, or false. */
function exchange(port, request, parse, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let buffer = Buffer.alloc(0);
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      try {
        const result = parse(buffer);
        if (result !== undefined) done(result);
      } catch {
        done(false);
      }
    });
    socket.once('error', () => done(false));
    socket.once('end', () => done(false));
  });
}

/** Redis: PING answers +PONG. */
function redisPing(port) {
  const parse = (b) => (b.includes('\r\n') ? b.toString('latin1').startsWith('+PONG') : undefined);
  return exchange(port, '*1\r\n$4\r\nPING\r\n', parse);
}

/**
 * Kafka: a Metadata v0 round trip that lists at least one broker. The port opens before the broker
 * has caught up with the controller; only then does it report itself in metadata.
 */
function kafkaMetadata(port) {
  const clientId = Buffer.from('newsflow-infra');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4);
  let o = body.writeInt16BE(3, 0); // api key Metadata
  o = body.writeInt16BE(0, o); // version 0 (Kafka 3.x serves 0..12)
  o = body.writeInt32BE(7, o); // correlation id
  o = body.writeInt16BE(clientId.length, o);
  o += clientId.copy(body, o);
  body.writeInt32BE(0, o); // no topics named: v0 then describes all of them
  const frame = Buffer.alloc(4);
  frame.writeInt32BE(body.length, 0);
  const parse = (b) => {
    if (b.length < 4 || b.length < 4 + b.readInt32BE(0)) return undefined;
    return b.readInt32BE(4) === 7 && b.readInt32BE(8) > 0; // correlation id, broker count
  };
  return exchange(port, Buffer.concat([frame, body]), parse);
}

/** MongoDB wire protocol (FerretDB): OP_MSG {ping: 1} on admin answers ok: 1. */
function mongoPing(port) {
  const doc = bson([
    [0x10, 'ping', int32(1)],
    [0x02, '$db', mongoString('admin')],
  ]);
  const header = Buffer.alloc(16 + 4 + 1);
  header.writeInt32LE(header.length + doc.length, 0);
  header.writeInt32LE(1, 4); // request id
  header.writeInt32LE(0, 8); // response to
  header.writeInt32LE(2013, 12); // OP_MSG; flag bits and section kind 0 stay zero
  const parse = (b) => {
    if (b.length < 4 || b.length < b.readInt32LE(0)) return undefined;
    const at = b.indexOf(Buffer.from('\x01ok\x00', 'latin1'), 21);
    return b.readInt32LE(12) === 2013 && at > 0 && b.readDoubleLE(at + 4) === 1;
  };
  return exchange(port, Buffer.concat([header, doc]), parse);
}

function int32(n) {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n, 0);
  return b;
}

function mongoString(s) {
  const bytes = Buffer.from(`${s}\0`);
  return Buffer.concat([int32(bytes.length), bytes]);
}

function bson(elements) {
  const body = Buffer.concat(elements.flatMap(([type, key, value]) => [Buffer.from([type]), Buffer.from(`${key}\0`), value]));
  return Buffer.concat([int32(body.length + 5), body, Buffer.from([0])]);
}

module.exports = { redisPing, kafkaMetadata, mongoPing };
