import { NextRequest, NextResponse } from "next/server";
import { prisma } from "../../../src/lib/db";

export const runtime = "nodejs";

/** GET /api/preview?url=… — server-side fetch for the CMS preview pane. */
export async function GET(req: NextRequest) {
  const url = req.nextUrl.searchParams.get("url");
  if (!url) {
    return NextResponse.json({ error: "missing url" }, { status: 400 });
  }
  const upstream = await fetch(url, { cache: "no-store" });
  return new NextResponse(await upstream.text(), {
    status: upstream.status,
    headers: { "content-type": upstream.headers.get("content-type") ?? "text/html" },
  });
}

/** DELETE /api/preview?id=… — drop a stored preview snapshot. */
export async function DELETE(req: NextRequest) {
  const id = req.nextUrl.searchParams.get("id");
  if (!id) {
    return NextResponse.json({ error: "missing id" }, { status: 400 });
  }
  await prisma.previewSnapshot.delete({ where: { id } });
  await prisma.$executeRawUnsafe(`DELETE FROM preview_assets WHERE snapshot_id = '${id}'`);
  return new NextResponse(null, { status: 204 });
}
