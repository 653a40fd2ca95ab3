# The application's image: `docker build -t zcrd .` from the repository root builds the jar inside (stage 1) and
# makes a runtime image of JRE 17, the PKCS#11 library and the PDF fonts (stage 2). docker-compose.yml runs two of
# these nodes behind HAProxy on a Galera cluster, as ops/cluster does on one machine (the tested topology).
# A real HSM changes only the PKCS#11 library installed here and /etc/zcrd/pkcs11/ (docs/production-setup.md).

FROM debian:12-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline || true
COPY src src
# the tests need MariaDB, SoftHSM2 and Chromium: they run in CI through ops/test, not in the image build
RUN mvn -B -q -DskipTests -Dspotless.check.skip=true package \
 && cp "$(ls target/zcrd-*.jar | grep -v '\.original$')" /src/zcrd.jar

FROM debian:12-slim
# the fonts the certificate and the 认定表 print with (zcrd.pdf.font, zcrd.pdf.fallback-fonts), as ops/ installs them
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless softhsm2 curl \
      fonts-wqy-zenhei fonts-hanazono fonts-babelstone-han \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/zcrd --create-home zcrd
COPY --from=build /src/zcrd.jar /opt/zcrd/zcrd.jar
# the certificate page's layout (zcrd.certificate.layout-file, relative to the working directory)
COPY seal-templates/certificate-layout.properties /opt/zcrd/seal-templates/
WORKDIR /opt/zcrd
# a production node's JVM settings (heap cap, GC): the one file ops/run and ops/cluster read too
COPY ops/jvm-production.options /opt/zcrd/jvm.options
USER zcrd
# HTTP (/pki/, redirects), mutual TLS (UKEY back office), public HTTPS; 8081 is the management port (probes and
# metrics) for the load balancer and the monitoring host on the internal network only — never publish it
EXPOSE 8080 8443 8444 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8081/actuator/health/readiness || exit 1
# /etc/zcrd: the installation's home made by ops/prod-setup (zcrd-prod.yml, pki/, tls/, pkcs11/, secrets/), mounted
ENTRYPOINT ["java", "@/opt/zcrd/jvm.options", "-jar", "/opt/zcrd/zcrd.jar"]
CMD ["--spring.profiles.active=prod,mysql", "--spring.config.additional-location=/etc/zcrd/zcrd-prod.yml"]
