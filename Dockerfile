# Runtime image for docker-compose.yml: JRE 17, SoftHSM2 (SunPKCS11 target in development) and the CJK font.
# A real HSM changes only pkcs11-config/ and the library installed here.
FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless softhsm2 fonts-wqy-zenhei \
 && rm -rf /var/lib/apt/lists/*
EXPOSE 8080 8443 8444
# The JVM settings of a production node: one file, also read by ops/run (ZCRD_JVM=production) and docker-compose.yml;
# start with: java @/etc/zcrd/jvm.options -jar zcrd.jar
COPY ops/jvm-production.options /etc/zcrd/jvm.options
