import express from 'express';
import { adminRouter } from './routes/admin';
import { chatRouter } from './routes/chat';
import { logger } from './services';

const app = express();
app.use(express.json({ limit: '1mb' }));
app.use('/api', chatRouter);
app.use('/admin', adminRouter);

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => logger.info({ port }, 'agent backend listening'));
