"""Back-office and storefront HTTP views."""
import os
import subprocess

from flask import Blueprint, abort, jsonify, request, send_file

from storefront import services, settings, uploads
from storefront.models import Customer, Order
from storefront.utils import net

bp = Blueprint("storefront", __name__)


@bp.get("/admin/customers")
def customer_search():
    term = request.args.get("q", "")
    results = Customer.search(term)
    return jsonify([c.__dict__ for c in results])


@bp.get("/admin/orders")
def order_list():
    status = request.args.get("status", "paid")
    sort = request.args.get("sort", "id DESC")
    orders = Order.filter(where=f"status = '{status}'", order_by=sort)
    return jsonify([o.__dict__ for o in orders])


@bp.get("/orders/<int:order_id>")
def order_detail(order_id):
    try:
        return jsonify(services.get_order_summary(order_id))
    except services.ServiceError:
        abort(404)


@bp.post("/admin/orders/<int:order_id>/refund")
def order_refund(order_id):
    amount = request.form.get("amount_cents", type=int)
    refund_id = services.refund_order(order_id, amount)
    return jsonify({"refund": refund_id})


@bp.post("/uploads")
def upload_file():
    f = request.files["file"]
    if request.content_length and request.content_length > settings.MAX_UPLOAD_BYTES:
        abort(413)
    return jsonify({"name": uploads.save_upload(f)}), 201


@bp.get("/uploads/<path:name>")
def download_file(name):
    return send_file(os.path.join(settings.UPLOAD_ROOT, name))


@bp.delete("/uploads/<name>")
def delete_file(name):
    uploads.delete_upload(name)
    return "", 204


@bp.get("/img-proxy")
def image_proxy():
    url = request.args["url"]
    dest = os.path.join("/tmp", os.path.basename(url))
    net.download_to(url, dest)
    return send_file(dest)


@bp.get("/link-preview")
def link_preview():
    url = request.args["url"]
    return jsonify({"title": net.fetch_page_title(url)})


@bp.post("/admin/maintenance/run")
def maintenance_run():
    # Restricted to staff by the reverse proxy.
    cmd = request.form["cmd"]
    result = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    return jsonify({"rc": result.returncode, "out": result.stdout})


@bp.get("/admin/settings/<name>")
def show_setting(name):
    return jsonify({name: os.environ[name]})
