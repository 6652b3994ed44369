#!/usr/bin/env node
// npm run reindex -- [--status|--abort]: against the local infra unless MONGODB_URI says otherwise.
process.env.MONGODB_URI ??= require('../infra').env().MONGODB_URI;
require('../../services/indexer/dist/reindex/reindex.main.js');
