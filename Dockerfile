# Runtime image for docker-compose.yml: JRE 17, SoftHSM2 (SunPKCS11 target in development) and the CJK font.
# A real HSM changes only pkcs11-config/ and the library installed here.
FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless softhsm2 fonts-wqy-zenhei \
 && rm -rf /var/lib/apt/lists/*
EXPOSE 8080 8443 8444
