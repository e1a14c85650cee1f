# etcd for the compose demo, from Debian's etcd-server package in the base image (no registry
# needed). ETCD_BASE_IMAGE: any image with /usr/bin/etcd; docker/build-base-images makes one.
ARG ETCD_BASE_IMAGE=tabby-local/debian-etcd:bookworm
FROM ${ETCD_BASE_IMAGE}
ENTRYPOINT ["/usr/bin/etcd", "--name", "etcd", "--data-dir", "/var/lib/etcd/data", \
  "--listen-client-urls", "http://0.0.0.0:2379", "--advertise-client-urls", "http://etcd:2379", \
  "--listen-peer-urls", "http://127.0.0.1:2380", "--initial-advertise-peer-urls", "http://127.0.0.1:2380", \
  "--initial-cluster", "etcd=http://127.0.0.1:2380"]
