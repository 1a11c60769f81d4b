// VCD: value kinds (vectors of several widths, wide vectors, x and z bits, integer, time, real,
// named events, nets with a continuous assignment) and $dumpoff/$dumpon/$dumpall.
`timescale 1ns / 1ps
module top;
    reg bit1;
    reg [7:0] byte1;
    reg [99:0] wide;
    reg [129:0] wider;
    reg [0:5] rev;
    integer n;
    time t;
    real r;
    event e;
    wire [7:0] sum = byte1 + 8'd3;
    wire tri_out = bit1 ? byte1[0] : 1'bz;

    always @(e) n = n + 1;

    initial begin
        $dumpfile("vcd_values.vcd");
        $dumpvars;
        n = 0;
        bit1 = 1'bx;
        byte1 = 8'b1x0z_0011;
        r = 1.5;
        #1 bit1 = 0;
        wide = {4'hf, 96'h0};
        wider = {2'b1z, 128'hx};
        rev = 6'b100000;
        t = 64'd123456789012;
        r = -2.25e-10;
        -> e;
        #1 bit1 = 1;
        byte1 = 8'h00;
        byte1 = 8'hff; // one change in the time step
        -> e;
        #1.5 $dumpoff;
        byte1 = 8'd7;
        r = 3.0;
        #1 byte1 = 8'd9;
        -> e;
        #1 $dumpon;
        wide = 100'd1;
        #1 $dumpall;
        r = 1.0e30;
        bit1 = 1'bz;
        #1 byte1 = 8'bzzzz_zzz0;
        wider = 130'd0;
        rev = 6'b000001;
        #1 $display("n=%0d t=%0d r=%g sum=%b tri=%b wide=%h wider=%h rev=%b", n, t, r, sum,
                    tri_out, wide, wider, rev);
        $finish;
    end
endmodule
