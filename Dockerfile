# syntax=docker/dockerfile:1
#
# The Lambda Context Playground in a container. Every execution context is a bubblewrap sandbox with its own
# user, pid, network, IPC, UTS, mount and cgroup namespaces, a size-limited tmpfs /tmp and a cgroup of its own;
# a container is a sandbox too, so the container must let the server make sandboxes inside it.
#
#   docker build -t lambda-context-playground .
#   docker run --rm -p 8080:8080 --init \
#     --cgroupns=private --cap-add=SYS_ADMIN \
#     --security-opt apparmor=unconfined \
#     --security-opt systempaths=unconfined \
#     lambda-context-playground
#
# What each option is for:
#   --init                              PID 1 reaps what the sandboxes leave as orphans (dotnet does not).
#   --cgroupns=private                  The container sees its own cgroup as the root of the tree; the server makes
#                                       one cgroup per execution context below it (memory, pids, cpu, freezer).
#   --cap-add=SYS_ADMIN                 Lets the entrypoint remount that cgroup tree writable (Docker mounts it
#                                       read-only), and lets Docker's default seccomp profile allow unshare, clone
#                                       with namespace flags, mount and pivot_root, which bubblewrap needs. The
#                                       server needs the capability; handler code never has it: bubblewrap runs as
#                                       an unprivileged user (Execution:SandboxUser) and drops every capability.
#                                       Without it: --security-opt seccomp=<a profile allowing those calls> and a
#                                       writable cgroup (e.g. -v /sys/fs/cgroup:/sys/fs/cgroup:rw --cgroupns=host).
#   --security-opt apparmor=unconfined  The docker-default AppArmor profile denies mount, which every sandbox needs.
#   --security-opt systempaths=unconfined
#                                       Docker masks parts of /proc; the kernel refuses a fresh /proc in a new
#                                       user namespace while parts of the container's /proc are masked.
#
# And on the host:
#   - unprivileged user namespaces allowed: user.max_user_namespaces > 0; on Debian before 11,
#     kernel.unprivileged_userns_clone=1; on Ubuntu 23.10 and later, kernel.apparmor_restrict_unprivileged_userns=0
#     (or an AppArmor profile that allows userns for bwrap).
#   - cgroup v2 with the memory, pids and cpu controllers (or cgroup v1 with freezer, memory, pids and cpu).
#
# GET /healthz says what the server could make of it: "sandbox": "bubblewrap" and no "warnings" is full isolation.
# Where no sandbox can be made at all, handler code is refused (503) unless Execution__AllowUnsandboxed=true, which
# /healthz then reports as "none (UNSANDBOXED DEVELOPMENT MODE)": never for a server anyone else can reach.

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig appsettings.json ./
COPY src/ src/
RUN dotnet publish src/Playground.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble
# bubblewrap makes the sandboxes; setpriv (util-linux) starts them as the unprivileged sandbox user.
RUN apt-get update \
    && apt-get install -y --no-install-recommends bubblewrap util-linux \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
# Root inside the container: the server writes cgroups and hands each sandbox to the unprivileged sandbox user.
USER root
ENTRYPOINT ["/bin/sh", "-c", "for m in /sys/fs/cgroup /sys/fs/cgroup/*; do mount -o remount,rw \"$m\" 2>/dev/null; done; exec dotnet /app/Playground.Web.dll"]
