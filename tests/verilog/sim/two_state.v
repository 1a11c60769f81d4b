// flags: --2state
// 2-state simulation (--2state): X and Z read as 0, as Verilator does. The expected output
// (two_state.out) comes from Verilator 5.006: verilator --binary -Wno-fatal --x-assign 0
// --x-initial 0 two_state.v && obj_dir/Vtwo_state, without its "- two_state.v:LINE: Verilog
// $finish" line (the same output as with its defaults). Z literals are not used in values
// (as tristate logic in that simulator); only the bus drivers here use z.
module two_state;
    reg [7:0] r;      // never assigned before the first read: starts 0
    reg [7:0] lit;
    integer i;
    wire [3:0] undriven;
    reg [7:0] a, b;
    reg [15:0] wide;
    reg clk;
    reg [3:0] count;
    reg en0, en1;
    reg [7:0] d0, d1;
    wire [7:0] bus;
    reg [3:0] sel;
    reg [2:0] hit;
    reg [7:0] zin, inv;  // zin stays 0: no change ever wakes `always @*`

    assign bus = en0 ? d0 : 8'bz;
    assign bus = en1 ? d1 : 8'bz;

    always @* inv = ~zin; // combinational blocks settle at time 0 (as in Verilator)

    always @(posedge clk) count <= count + 4'd1;

    always @(*)
        casez (sel)
            4'b1???: hit = 3'd1;
            4'b01?1: hit = 3'd2;
            4'b0010: hit = 3'd3;
            default: hit = 3'd4;
        endcase

    initial begin
        $display("start: r=%b r=%d i=%0d count=%b", r, r, i, count);
        lit = 8'bx1x0_10x1;
        $display("x literal: %b", lit);
        $display("undriven wire: %b", undriven);
        $display("r == 8'bx: %b, r === 0: %b", r == 8'bx, r === 8'd0);
        a = 8'd200;
        b = 8'd100;
        $display("a+b=%0d a-b=%0d b-a=%0d a*b=%0d", a + b, a - b, b - a, a * b);
        $display("a/b=%0d a%%b=%0d a/0=%0d", a / b, a % b, a / 8'd0);
        wide = {a, b} ^ 16'hx0f0;
        $display("wide=%h shifted=%h signed=%0d", wide, wide >> 4, $signed(a));
        $display("reductions: &a=%b |r=%b ^a=%b", &a, |r, ^a);
        clk = 0;
        repeat (3) begin
            #5 clk = 1;
            #5 clk = 0;
        end
        $display("count after 3 clocks: %0d", count);
        $display("always @* settled: inv=%h", inv);
        en0 = 1; d0 = 8'h5a; en1 = 0; d1 = 8'ha5;
        #1 $display("bus (driver 0): %h", bus);
        en0 = 0; en1 = 1;
        #1 $display("bus (driver 1): %h", bus);
        en1 = 0;
        #1 $display("bus (no driver): %h", bus);
        sel = 4'b1010; #1 $display("casez %b -> %0d", sel, hit);
        sel = 4'b0111; #1 $display("casez %b -> %0d", sel, hit);
        sel = 4'b0010; #1 $display("casez %b -> %0d", sel, hit);
        sel = 4'bx000; #1 $display("casez %b -> %0d", sel, hit);
        $finish;
    end
endmodule
