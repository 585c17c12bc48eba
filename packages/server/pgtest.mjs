import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { writeFileSync, readFileSync } from 'node:fs';
let t=Date.now();
const db = await PGlite.create({ extensions: { vector } });
await db.exec('create table x(a int)');
const blob = await db.dumpDataDir('none');
writeFileSync('/tmp/tpl.tar', Buffer.from(await blob.arrayBuffer()));
console.log('create+dump', Date.now()-t, blob.size); t=Date.now();
for (let i=0;i<3;i++){
const d2 = await PGlite.create({ loadDataDir: new Blob([readFileSync('/tmp/tpl.tar')]), extensions: { vector } });
await d2.query('select * from x');
console.log('load', Date.now()-t); t=Date.now();}
