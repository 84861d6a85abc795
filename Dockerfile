# Prometric ERP: production image.
#   docker build -t prometric-erp .
# Stage 1 builds the Spring Boot fat jar with the project's Maven wrapper (same build as CI,
# including the formatting check; tests are left to CI). Stage 2 runs it on a JRE as a
# non-root user. Configuration comes from the environment only: see docs/operations.md.

FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /build

# The wrapper and the POM first, so the dependency download is a cached layer that is
# rebuilt only when pom.xml or the wrapper change.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

# Sources, plus the processes/, dmn/ and forms/ folders the build copies onto the classpath
# (copied as the whole context, filtered by .dockerignore, because a folder may be absent in
# a fresh clone while it has no files yet).
COPY . .
RUN ./mvnw -B -DskipTests package \
    && cp target/prometric-erp-*.jar /build/app.jar


FROM eclipse-temurin:17-jre-noble AS runtime

# curl for the HEALTHCHECK (not every JRE base image ships wget or curl). Not pinned to a package
# version: Ubuntu's archive keeps only the current one, so a pin breaks the build at its next
# security update; the base image's tag pins the release.
# linter ignore=ER0012
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 prometric \
    && useradd --system --uid 10001 --gid prometric --home-dir /app --shell /usr/sbin/nologin prometric \
    && mkdir -p /app/data/documents \
    && chown -R prometric:prometric /app

WORKDIR /app
COPY --from=build --chown=prometric:prometric /build/app.jar /app/app.jar
USER prometric:prometric

# The JVM reads JAVA_TOOL_OPTIONS itself, so the exec-form ENTRYPOINT below keeps java as
# PID 1 (SIGTERM reaches it and Spring Boot shuts down gracefully). Override the variable
# to tune; MaxRAMPercentage sizes the heap from the container's memory limit.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=25.0 -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8" \
    PORT=8080

EXPOSE 8080

# Readiness: the context has started (Liquibase ran, the engine is up, processes deployed).
# Start-up with Liquibase and the Camunda engine takes a while on a cold database.
# Shell form on purpose: ${PORT} is expanded by the shell when the check runs.
# linter ignore=EJ0002
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=3 CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT}/readyz" || exit 1

ENTRYPOINT ["java", "-jar", "/app/app.jar"]
