import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';

export class ObjectStore {
  private readonly s3 = new S3Client({ region: 'eu-west-1' });

  constructor(private readonly bucket: string) {}

  async getText(key: string): Promise<string> {
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return (await out.Body?.transformToString()) ?? '';
  }

  async remove(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

export const attachments = new ObjectStore('acme-support-attachments');
