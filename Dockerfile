# One image for the three processes: web (the default command), worker and clock.
#   docker build -t kinship .
#   docker run kinship                      # web: gunicorn on $PORT (8000)
#   docker run kinship kinship worker       # a worker
#   docker run kinship kinship clock        # the clock (run one)
#   docker run kinship kinship db upgrade   # migrations, as a release step
# compose.yaml runs all of them with PostgreSQL and Redis.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8000 \
    WEB_CONCURRENCY=2 \
    PROMETHEUS_MULTIPROC_DIR=/tmp/kinship-metrics

RUN groupadd --system --gid 10001 kinship \
 && useradd --system --uid 10001 --gid kinship --home-dir /app --shell /usr/sbin/nologin kinship

WORKDIR /app
# Dependencies first (a layer that changes only with pyproject.toml), then the code. The
# code is installed in place (-e): templates_sms/ and migrations/ are read beside it.
COPY pyproject.toml README.md ./
RUN mkdir -p service workers \
 && touch service/__init__.py workers/__init__.py \
 && pip install . \
 && pip uninstall -y kinship \
 && rm -rf service workers build *.egg-info
COPY service/ service/
COPY workers/ workers/
COPY templates_sms/ templates_sms/
COPY migrations/ migrations/
COPY alembic.ini ./
RUN pip install --no-deps -e . \
 && mkdir -p /app/instance \
 && chown kinship:kinship /app/instance

USER kinship
EXPOSE 8000
# gunicorn binds 0.0.0.0:$PORT and starts $WEB_CONCURRENCY workers by itself.
CMD ["gunicorn", "--config", "python:service.gunicorn_config", "--threads", "4", "service:create_app()"]
