// The article ids on ingest's takedown list, read from MongoDB as ingest keeps them: the CLI talks
// to Kafka directly, so it checks the list itself before a replay puts a taken-down story back.
const TAKEDOWNS_COLLECTION = 'ingest_takedowns'; // services/ingest/src/articles/takedowns/takedown.repository.ts

function redact(uri) {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}

/** Resolves with the listed ids; rejects with an error naming the store when it cannot be read. */
async function listedTakedowns(mongoUri, { timeoutMs = 10_000 } = {}) {
  const mongoose = require('mongoose');
  let connection;
  try {
    connection = await mongoose.createConnection(mongoUri, { serverSelectionTimeoutMS: timeoutMs }).asPromise();
    const listed = await connection.db.collection(TAKEDOWNS_COLLECTION).find({}, { projection: { _id: 1 } }).toArray();
    return new Set(listed.map((takedown) => String(takedown._id)));
  } catch (error) {
    throw new Error(`the takedown list (${TAKEDOWNS_COLLECTION} at ${redact(mongoUri)}) cannot be read: ${error.message}`);
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

module.exports = { listedTakedowns, TAKEDOWNS_COLLECTION };
