"""Flask application factory."""
from flask import Flask

from storefront import settings
from storefront.commands import cli
from storefront.views import bp as storefront_bp
from storefront.webhooks import bp as webhooks_bp


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = settings.SECRET_KEY
    app.config["MAX_CONTENT_LENGTH"] = settings.MAX_UPLOAD_BYTES
    app.register_blueprint(storefront_bp)
    app.register_blueprint(webhooks_bp)
    app.cli.add_command(cli)
    return app
